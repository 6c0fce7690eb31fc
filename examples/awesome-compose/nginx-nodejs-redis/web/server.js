// Stand-in for the sample's app: answers with the container's host name, so that a request through
// nginx shows which copy served it. (The original also counts visits in Redis.)
const http = require('http');
const os = require('os');

http.createServer((req, res) => {
  res.end(`${os.hostname()}\n`);
}).listen(5000);
