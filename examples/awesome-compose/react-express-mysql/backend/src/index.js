// Stand-in for the sample's back end: reports whether the database password file is readable.
const fs = require('fs');
const http = require('http');

const passwordFile = process.env.DATABASE_PASSWORD;

http.createServer((req, res) => {
  const readable = passwordFile !== undefined && fs.existsSync(passwordFile);
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ database: process.env.DATABASE_DB, host: process.env.DATABASE_HOST, passwordFile: readable }));
}).listen(process.env.PORT || 80);
