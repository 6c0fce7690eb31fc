${header}
# Local secrets: the values in .env and the files under secrets/.
.env
secrets/
