'use strict';
// A webhook inbox: any request to /hooks/{name} is captured (method, headers, query, body) and answered with 200.
// GET /api/requests lists them newest first (?hook=name, ?after=id for polling). The last MAX_KEPT are saved in
// requests.json.
const path = require('node:path');
const { createApp, HttpError } = require('./lib/web');
const { JsonFile } = require('./lib/store');

const TITLE = {{title}};
const MAX_KEPT = 500;
const MAX_BODY_CHARS = 64 * 1024;

const store = new JsonFile('requests.json', { nextId: 1, requests: [] });
const saved = store.read();
let requests = Array.isArray(saved.requests) ? saved.requests : [];
let nextId = Math.max(Number(saved.nextId) || 1, ...requests.map((r) => r.id + 1));
const app = createApp({ publicDir: path.join(__dirname, 'public') });

const save = () => store.write({ nextId, requests });

function find(id) {
  const r = requests.find((x) => x.id === Number(id));
  if (!r) throw new HttpError(404, `no request with id ${id}`);
  return r;
}

app.all(/^\/hooks\/(?<name>[A-Za-z0-9_.-]{1,64})\/?$/, ({ req, params, query, body }) => {
  let text = body.toString('utf8');
  const truncated = text.length > MAX_BODY_CHARS;
  if (truncated) text = text.slice(0, MAX_BODY_CHARS);
  const captured = {
    id: nextId++,
    hook: params.name,
    method: req.method,
    path: req.url.split('?')[0],
    query: Object.fromEntries(query),
    headers: { ...req.headers },
    body: text,
    size: body.length,
    truncated,
    contentType: req.headers['content-type'] || null,
    receivedAt: new Date().toISOString(),
  };
  requests.push(captured);
  if (requests.length > MAX_KEPT) requests = requests.slice(-MAX_KEPT);
  save();
  console.log(`captured ${captured.method} ${captured.path} (${captured.size} bytes) as #${captured.id}`);
  return { ok: true, id: captured.id, hook: captured.hook };
}, { body: 'raw' });

app.get('/api/requests', ({ query }) => {
  const hook = query.get('hook');
  const after = Number(query.get('after') || 0);
  return requests.filter((r) => (!hook || r.hook === hook) && r.id > after).slice().reverse();
});

app.get('/api/requests/:id', ({ params }) => find(params.id));

app.delete('/api/requests/:id', ({ params }) => {
  const r = find(params.id);
  requests = requests.filter((x) => x.id !== r.id);
  save();
});

app.delete('/api/requests', () => {
  requests = [];
  save();
});

app.get('/api/hooks', () => {
  const hooks = new Map();
  for (const r of requests) {
    const h = hooks.get(r.hook) || { name: r.hook, count: 0, lastAt: null };
    h.count += 1;
    h.lastAt = r.receivedAt;
    hooks.set(r.hook, h);
  }
  return [...hooks.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
});

app.listen(TITLE);
