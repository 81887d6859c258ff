'use strict';
// A todo list. REST API under /api/todos, page in public/, data in todos.json. Besides title and done, each todo
// has the EXTRA fields below (all optional).
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');
const { validate } = require('./lib/fields');

const TITLE = {{title}};
const EXTRA = {{extraFieldsJson|raw}};
const MAX_TITLE = 500;
const BUILT_IN = ['title', 'done'];

const todos = new Collection('todos.json');
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function title(value) {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new HttpError(400, 'title must be a non-empty string', { field: 'title' });
  }
  if (value.length > MAX_TITLE) {
    throw new HttpError(400, `title must be at most ${MAX_TITLE} characters`, { field: 'title' });
  }
  return value.trim();
}

function done(value) {
  if (typeof value !== 'boolean') {
    throw new HttpError(400, 'done must be true or false', { field: 'done' });
  }
  return value;
}

function find(id) {
  const todo = todos.get(id);
  if (!todo) throw new HttpError(404, `no todo with id ${id}`);
  return todo;
}

app.get('/api/todos', ({ query }) => {
  const filter = query.get('done');
  if (filter === 'true' || filter === 'false') {
    return todos.list().filter((t) => t.done === (filter === 'true'));
  }
  return todos.list();
});

function extras(body, mode) {
  const allowed = [...BUILT_IN, ...EXTRA.map((f) => f.name)];
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw new HttpError(400, `unknown field ${unknown}; use ${allowed.join(', ')}`);
  const rest = { ...body };
  BUILT_IN.forEach((k) => delete rest[k]);
  return validate(EXTRA, rest, mode);
}

app.get('/api/fields', () => [{ name: 'title', type: 'string', required: true },
  { name: 'done', type: 'boolean', required: false }, ...EXTRA]);

app.post('/api/todos', ({ body }) => {
  const todo = todos.insert({
    title: title(body.title),
    done: body.done === undefined ? false : done(body.done),
    ...extras(body, 'create'),
  });
  return created(todo, `/api/todos/${todo.id}`);
});

app.get('/api/todos/:id', ({ params }) => find(params.id));

app.patch('/api/todos/:id', ({ params, body }) => {
  const todo = find(params.id);
  const changes = {};
  if ('title' in body) changes.title = title(body.title);
  if ('done' in body) changes.done = done(body.done);
  Object.assign(changes, extras(body, 'patch'));
  if (Object.keys(changes).length === 0) {
    throw new HttpError(400, `send one of ${[...BUILT_IN, ...EXTRA.map((f) => f.name)].join(', ')} to change`);
  }
  return todos.update(todo.id, changes);
});

app.delete('/api/todos/:id', ({ params }) => {
  todos.remove(find(params.id).id);
});

app.delete('/api/todos', ({ query }) => {
  if (query.get('done') !== 'true') {
    throw new HttpError(400, 'to delete all completed todos use DELETE /api/todos?done=true');
  }
  return { removed: todos.removeWhere((t) => t.done) };
});

app.listen(TITLE);
