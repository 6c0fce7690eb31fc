'use strict';
// The shop's web app. Configuration comes only from environment variables; the app refuses to
// start and names every missing required variable.
const http = require('node:http');

const required = ['DB_HOST', 'DB_NAME', 'DB_USER', 'DB_PASSWORD', 'REDIS_URL'];
const missing = required.filter((key) => !process.env[key]);
if (missing.length > 0) {
  console.error(`Refusing to start: missing required environment variables: ${missing.join(', ')}`);
  process.exit(1);
}

const config = {
  dbHost: process.env.DB_HOST,
  dbPort: Number(process.env.DB_PORT || 5432),
  dbName: process.env.DB_NAME,
  redisUrl: process.env.REDIS_URL,
  port: Number(process.env.PORT || 3000),
  logLevel: process.env.LOG_LEVEL || 'info',
};

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`shop-web on ${config.dbHost}:${config.dbPort}/${config.dbName}\n`);
});

server.listen(config.port, () => {
  if (config.logLevel === 'debug') {
    console.log(`listening on ${config.port}`);
  }
});
