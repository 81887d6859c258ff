'use strict';
// SpawnAI static file server: serves a directory (argument 1, default: the working directory) on $PORT.
// No dependencies. GET and HEAD only; a directory serves its index.html; dotfiles, paths outside the
// directory and missing files are 404s.
const http = require('http');
const fs = require('fs');
const path = require('path');

const root = fs.realpathSync(path.resolve(process.argv[2] || process.cwd()));
const port = Number.parseInt(process.env.PORT || '3000', 10);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
  '.ogg': 'audio/ogg', '.mp4': 'video/mp4', '.webm': 'video/webm',
};

function plain(res, status, text, headers) {
  const body = text + '\n';
  res.writeHead(status, Object.assign({
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
  }, headers || {}));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

// The file a URL path names, or null when it is malformed, hidden or outside the root.
function resolve(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch (e) {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const file = path.join(root, ...segments);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function inside(real) {
  return real === root || real.startsWith(root + path.sep);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url, 'http://localhost');
  const file = resolve(url.pathname);
  if (file === null) plain(res, 404, 'Not Found');
  else serve(req, res, url, file, true);
});

function serve(req, res, url, file, allowDirectory) {
  fs.realpath(file, (err, real) => {
    if (err || !inside(real)) {
      plain(res, 404, 'Not Found');
      return;
    }
    fs.stat(real, (statErr, stat) => {
      if (statErr) {
        plain(res, 404, 'Not Found');
      } else if (stat.isDirectory() && allowDirectory) {
        if (url.pathname.endsWith('/')) serve(req, res, url, path.join(real, 'index.html'), false);
        else plain(res, 301, 'Moved Permanently', { Location: url.pathname + '/' + url.search });
      } else if (stat.isFile()) {
        send(req, res, real, stat);
      } else {
        plain(res, 404, 'Not Found');
      }
    });
  });
}

function send(req, res, file, stat) {
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Last-Modified': stat.mtime.toUTCString(),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

server.listen(port, () => {
  console.log(`static server on port ${port} serving ${root}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
