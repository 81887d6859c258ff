'use strict';
// A todo list. REST API under /api/todos, page in public/, data in todos.json.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const MAX_TITLE = 500;

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

app.post('/api/todos', ({ body }) => {
  const todo = todos.insert({ title: title(body.title), done: body.done === undefined ? false : done(body.done) });
  return created(todo, `/api/todos/${todo.id}`);
});

app.get('/api/todos/:id', ({ params }) => find(params.id));

app.patch('/api/todos/:id', ({ params, body }) => {
  const todo = find(params.id);
  const changes = {};
  if ('title' in body) changes.title = title(body.title);
  if ('done' in body) changes.done = done(body.done);
  const unknown = Object.keys(body).filter((k) => !['title', 'done'].includes(k));
  if (unknown.length > 0) throw new HttpError(400, `unknown field ${unknown[0]}; use title or done`);
  if (Object.keys(changes).length === 0) throw new HttpError(400, 'send title and/or done to change');
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
