// Stand-in for the sample's back end: reports whether the database password file is readable.
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_, err := os.Stat("/run/secrets/db_password")
		fmt.Fprintf(w, "password file readable: %v\n", err == nil)
	})
	if err := http.ListenAndServe(":8000", nil); err != nil {
		panic(err)
	}
}
