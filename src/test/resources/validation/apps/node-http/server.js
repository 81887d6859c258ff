#!/usr/bin/env node
'use strict';
// A guestbook with only built-in modules: http, fs, path, url.
const http = require('node:http');
const path = require('node:path');
const { readJson, serveStatic } = require('./lib/web');
const { JsonFile } = require('./lib/store');

const entries = new JsonFile('guestbook.json', []);
const PUBLIC = path.join(__dirname, 'public');
const port = Number.parseInt(process.env.PORT || '3000', 10);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    if (url.pathname === '/api/entries' && req.method === 'GET') {
      return send(res, 200, entries.read());
    }
    if (url.pathname === '/api/entries' && req.method === 'POST') {
      const body = await readJson(req);
      const name = String(body.name || '').slice(0, 80);
      const text = String(body.text || '').slice(0, 1000);
      if (!text) return send(res, 400, { error: 'text is required' });
      const list = entries.read();
      list.push({ name: name || 'anonymous', text, at: Date.now() });
      entries.write(list);
      return send(res, 201, list[list.length - 1]);
    }
    serveStatic(PUBLIC, url.pathname, res);
  } catch (err) {
    console.error(err);
    send(res, err.status || 500, { error: err.status ? err.message : 'internal error' });
  }
});

function send(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

server.listen(port, '0.0.0.0', () => console.log(`guestbook on :${port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
