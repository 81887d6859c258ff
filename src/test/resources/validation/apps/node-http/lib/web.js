'use strict';
const fs = require('node:fs');
const path = require('node:path');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function readJson(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > 1e6) reject(Object.assign(new Error('body too large'), { status: 413 }));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (e) {
        reject(Object.assign(new Error('invalid JSON: ' + e.message), { status: 400 }));
      }
    });
  });
}

function serveStatic(root, pathname, res) {
  const file = path.resolve(root, '.' + path.normalize('/' + pathname));
  if (!file.startsWith(root)) {
    res.writeHead(404).end();
    return;
  }
  fs.readFile(file === root ? path.join(root, 'index.html') : file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(data);
  });
}

module.exports = { readJson, serveStatic };
