'use strict';
// A guestbook. REST API under /api/entries, page in public/, data in entries.json.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const LIMITS = { name: 60, message: 1000 };

const entries = new Collection('entries.json', { maxItems: 5000 });
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function text(body, field) {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new HttpError(400, `${field} must be a non-empty string`, { field });
  }
  if (value.trim().length > LIMITS[field]) {
    throw new HttpError(400, `${field} must be at most ${LIMITS[field]} characters`, { field });
  }
  return value.trim();
}

app.get('/api/entries', ({ query, res }) => {
  const all = [...entries.list()].reverse();
  const offset = Math.max(0, Number.parseInt(query.get('offset') || '0', 10) || 0);
  const limit = Math.min(200, Math.max(1, Number.parseInt(query.get('limit') || '50', 10) || 50));
  res.setHeader('X-Total-Count', String(all.length));
  return all.slice(offset, offset + limit);
});

app.post('/api/entries', ({ body }) => {
  const unknown = Object.keys(body).find((k) => !['name', 'message', 'website'].includes(k));
  if (unknown) throw new HttpError(400, `unknown field ${unknown}; use name and message`);
  if (typeof body.website === 'string' && body.website.trim() !== '') {
    // the hidden "website" field is a honeypot: people never see it, spam bots fill it in
    throw new HttpError(400, 'this looks like spam');
  }
  const entry = entries.insert({ name: text(body, 'name'), message: text(body, 'message') });
  return created(entry, `/api/entries/${entry.id}`);
});

app.get('/api/entries/:id', ({ params }) => {
  const entry = entries.get(params.id);
  if (!entry) throw new HttpError(404, `no entry with id ${params.id}`);
  return entry;
});

app.listen(TITLE);
