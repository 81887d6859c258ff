'use strict';
// A key-value store. PUT, GET and DELETE /api/kv/{key}; GET /api/kv lists keys (?prefix=). Values are any JSON
// (Content-Type: application/json) or text; ?ttl=seconds makes a key expire. Saved in kv.json.
const path = require('node:path');
const { createApp, HttpError, Reply } = require('./lib/web');
const { JsonFile } = require('./lib/store');

const TITLE = {{title}};
const MAX_KEY = 256;
const MAX_VALUE_BYTES = 256 * 1024;
const MAX_KEYS = 10000;
const MAX_TTL = 365 * 24 * 3600;

const store = new JsonFile('kv.json', { entries: {} });
const entries = new Map(Object.entries(store.read().entries || {}));
const app = createApp({ publicDir: path.join(__dirname, 'public') });

const save = () => store.write({ entries: Object.fromEntries(entries) });
const expired = (e) => e.expiresAt !== null && Date.parse(e.expiresAt) <= Date.now();

function sweep() {
  let removed = 0;
  for (const [k, e] of entries) {
    if (expired(e)) {
      entries.delete(k);
      removed += 1;
    }
  }
  if (removed > 0) save();
}
setInterval(sweep, 30000).unref();

function key(value) {
  if (value.length === 0 || value.length > MAX_KEY || /[\u0000-\u001f]/.test(value)) {
    throw new HttpError(400, `keys are 1-${MAX_KEY} characters without control characters`, { field: 'key' });
  }
  return value;
}

function live(k) {
  const e = entries.get(k);
  if (!e || expired(e)) throw new HttpError(404, `no key ${k}`);
  return e;
}

const view = (k, e) => ({ key: k, value: e.value, type: e.type, updatedAt: e.updatedAt, expiresAt: e.expiresAt });

app.get('/api/kv', ({ query }) => {
  const prefix = query.get('prefix') || '';
  const keys = [...entries].filter(([k, e]) => k.startsWith(prefix) && !expired(e))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, e]) => ({ key: k, type: e.type, size: Buffer.byteLength(JSON.stringify(e.value)),
      updatedAt: e.updatedAt, expiresAt: e.expiresAt }));
  return { count: keys.length, keys };
});

app.get('/api/kv/:key', ({ params, query, res }) => {
  const k = key(params.key);
  const e = live(k);
  if (query.has('raw')) {
    const text = e.type === 'text' ? e.value : JSON.stringify(e.value);
    res.writeHead(200, { 'Content-Type': e.type === 'text' ? 'text/plain; charset=utf-8'
      : 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(text);
    return undefined;
  }
  return view(k, e);
});

app.put('/api/kv/:key', ({ params, query, req, body }) => {
  const k = key(params.key);
  if (body.length === 0) throw new HttpError(400, 'send the value as the request body');
  if (body.length > MAX_VALUE_BYTES) throw new HttpError(413, `values are at most ${MAX_VALUE_BYTES} bytes`);
  const text = body.toString('utf8');
  const json = String(req.headers['content-type'] || '').includes('json');
  let value = text;
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new HttpError(400, `the body is not valid JSON: ${err.message}; send text with Content-Type: text/plain`);
    }
  }
  let expiresAt = null;
  if (query.has('ttl')) {
    const ttl = Number(query.get('ttl'));
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL) {
      throw new HttpError(400, `ttl must be a whole number of seconds from 1 to ${MAX_TTL}`);
    }
    expiresAt = new Date(Date.now() + ttl * 1000).toISOString();
  }
  const isNew = !entries.has(k) || expired(entries.get(k));
  if (isNew && entries.size >= MAX_KEYS) sweep();
  if (isNew && entries.size >= MAX_KEYS) throw new HttpError(409, `the store is full (${MAX_KEYS} keys)`);
  const e = { value, type: json ? 'json' : 'text', updatedAt: new Date().toISOString(), expiresAt };
  entries.set(k, e);
  save();
  return new Reply(isNew ? 201 : 200, view(k, e));
}, { body: 'raw' });

app.delete('/api/kv/:key', ({ params }) => {
  const k = key(params.key);
  live(k);
  entries.delete(k);
  save();
});

app.listen(TITLE);
