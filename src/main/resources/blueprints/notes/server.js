'use strict';
// Notes. REST API under /api/notes, page in public/, data in notes.json.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const LIMITS = { title: 200, body: 100000 };

const notes = new Collection('notes.json');
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function text(body, field, required) {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `${field} must be a string`, { field });
  if (required && field === 'title' && value.trim() === '') {
    throw new HttpError(400, 'title must not be empty', { field });
  }
  if (value.length > LIMITS[field]) {
    throw new HttpError(400, `${field} must be at most ${LIMITS[field]} characters`, { field });
  }
  return field === 'title' ? value.trim() : value;
}

function checkFields(body) {
  const unknown = Object.keys(body).filter((k) => !['title', 'body', 'pinned'].includes(k));
  if (unknown.length > 0) throw new HttpError(400, `unknown field ${unknown[0]}; use title, body or pinned`);
  if (body.pinned !== undefined && typeof body.pinned !== 'boolean') {
    throw new HttpError(400, 'pinned must be true or false', { field: 'pinned' });
  }
}

function find(id) {
  const note = notes.get(id);
  if (!note) throw new HttpError(404, `no note with id ${id}`);
  return note;
}

function sorted(list) {
  return [...list].sort((a, b) => (b.pinned === true) - (a.pinned === true) || b.updatedAt.localeCompare(a.updatedAt)
    || b.id - a.id);
}

app.get('/api/notes', ({ query }) => {
  const q = (query.get('q') || '').trim().toLowerCase();
  const all = q ? notes.list().filter((n) => `${n.title}\n${n.body}`.toLowerCase().includes(q)) : notes.list();
  return sorted(all);
});

app.post('/api/notes', ({ body }) => {
  checkFields(body);
  const note = notes.insert({
    title: text(body, 'title', true),
    body: text(body, 'body', false) ?? '',
    pinned: body.pinned ?? false,
  });
  return created(note, `/api/notes/${note.id}`);
});

app.get('/api/notes/:id', ({ params }) => find(params.id));

app.put('/api/notes/:id', ({ params, body }) => {
  const note = find(params.id);
  checkFields(body);
  return notes.replace(note.id, {
    title: text(body, 'title', true),
    body: text(body, 'body', false) ?? '',
    pinned: body.pinned ?? false,
  });
});

app.patch('/api/notes/:id', ({ params, body }) => {
  const note = find(params.id);
  checkFields(body);
  const changes = {};
  if (body.title !== undefined) changes.title = text(body, 'title', true);
  if (body.body !== undefined) changes.body = text(body, 'body', false);
  if (body.pinned !== undefined) changes.pinned = body.pinned;
  if (Object.keys(changes).length === 0) throw new HttpError(400, 'send title, body and/or pinned to change');
  return notes.update(note.id, changes);
});

app.delete('/api/notes/:id', ({ params }) => {
  notes.remove(find(params.id).id);
});

app.listen(TITLE);
