// Stand-in for the sample's React development server: serves index.html on $PORT.
const fs = require('fs');
const http = require('http');
const path = require('path');

http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/html');
  res.end(fs.readFileSync(path.join(__dirname, 'index.html')));
}).listen(process.env.PORT || 3000);
