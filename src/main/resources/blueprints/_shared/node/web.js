'use strict';
// A tiny HTTP toolkit for this app: routes, JSON bodies, JSON errors and static files.
// Built-in modules only, so the app runs with plain `node server.js`.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const MAX_BODY_BYTES = 1024 * 1024;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'",
};

/** An error the client caused; its message is sent back as {"error": message}. */
class HttpError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || {};
  }
}

/** A handler result with a status other than 200. */
class Reply {
  constructor(status, body, headers) {
    this.status = status;
    this.body = body;
    this.headers = headers || {};
  }
}

const created = (body, location) => new Reply(201, body, location ? { Location: location } : {});

function sendJson(res, status, body, headers) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'request body is larger than 1 MB'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function readJson(req) {
  const text = (await readBody(req)).toString('utf8').trim();
  if (!text) throw new HttpError(400, 'request body must be a JSON object');
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'request body is not valid JSON: ' + e.message);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return value;
}

function serveStatic(root, pathname, req, res) {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, path.normalize(relative));
  if (file !== root && !file.startsWith(root + path.sep)) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      ...HEADERS,
      'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': data.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
}

/**
 * Creates an app that serves `publicDir` and the routes added with get/post/put/patch/delete/all. A pattern is a
 * path with `:name` parameters, or a RegExp whose named groups become parameters. Options: `{ body: 'raw' }` hands
 * the handler the body as a Buffer instead of parsed JSON.
 */
function createApp({ publicDir }) {
  const root = path.resolve(publicDir);
  const routes = [];

  function route(method, pattern, handler, options) {
    const raw = Boolean(options && options.body === 'raw');
    if (pattern instanceof RegExp) {
      routes.push({ method, regex: pattern, keys: null, handler, raw });
      return;
    }
    const keys = [];
    const source = pattern.replace(/:([A-Za-z]+)/g, (_, key) => {
      keys.push(key);
      return '([^/]+)';
    });
    routes.push({ method, regex: new RegExp('^' + source + '/?$'), keys, handler, raw });
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'malformed URL');
    }
    const matching = routes.filter((r) => r.regex.test(pathname));
    if (matching.length > 0) {
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const r = matching.find((candidate) => candidate.method === method || candidate.method === '*');
      if (!r) {
        const allowed = [...new Set(matching.map((m) => m.method))].join(', ');
        sendJson(res, 405, { error: `${req.method} is not allowed here; use ${allowed}` }, { Allow: allowed });
        return;
      }
      const match = r.regex.exec(pathname);
      const params = r.keys === null ? { ...(match.groups || {}) } : {};
      if (r.keys !== null) r.keys.forEach((key, i) => { params[key] = match[i + 1]; });
      let body;
      if (r.raw) body = await readBody(req);
      else if (['POST', 'PUT', 'PATCH'].includes(req.method)) body = await readJson(req);
      const result = await r.handler({ req, res, params, query: url.searchParams, body });
      if (res.writableEnded) return;
      if (result === undefined || result === null) {
        res.writeHead(204, HEADERS);
        res.end();
      } else if (result instanceof Reply) {
        sendJson(res, result.status, result.body, result.headers);
      } else {
        sendJson(res, 200, result);
      }
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      sendJson(res, 404, { error: `no endpoint ${pathname}` });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: `${req.method} is not allowed here` }, { Allow: 'GET, HEAD' });
      return;
    }
    serveStatic(root, pathname, req, res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError || (err && Number.isInteger(err.status) && err.status < 500)) {
        sendJson(res, err.status, { error: err.message, ...(err.details || {}) });
        return;
      }
      console.error(err);
      sendJson(res, 500, { error: 'internal error' });
    });
  });

  return {
    server,
    get: (pattern, handler, options) => route('GET', pattern, handler, options),
    post: (pattern, handler, options) => route('POST', pattern, handler, options),
    put: (pattern, handler, options) => route('PUT', pattern, handler, options),
    patch: (pattern, handler, options) => route('PATCH', pattern, handler, options),
    delete: (pattern, handler, options) => route('DELETE', pattern, handler, options),
    /** Any method. */
    all: (pattern, handler, options) => route('*', pattern, handler, options),
    /** Listens on $PORT (default 3000) on all interfaces and stops cleanly on SIGTERM/SIGINT. */
    listen(name) {
      const port = Number.parseInt(process.env.PORT || '3000', 10);
      const host = process.env.HOST || '0.0.0.0';
      server.listen(port, host, () => console.log(`${name} listening on http://${host}:${port}`));
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return server;
    },
  };
}

module.exports = { createApp, HttpError, Reply, created };
