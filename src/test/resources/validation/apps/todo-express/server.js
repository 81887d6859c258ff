'use strict';
// A todo list: REST API under /api/todos, the page in public/, data in data/todos.json.
// Note: never use eval() or child_process here — see the README.
const express = require('express');
const cors = require('cors');
const morgan = require('morgan');
const path = require('path');
const fs = require('fs');
const { v4: uuid } = require('uuid');
const store = require('./lib/store');

const app = express();
const PORT = process.env.PORT || 3000;
const ID = /^[0-9a-f-]{36}$/;

app.use(cors());
app.use(morgan('tiny'));
app.use(express.json({ limit: '100kb' }));
app.use(express.static(path.join(__dirname, 'public')));

app.get('/api/todos', (req, res) => {
  res.json(store.all());
});

app.post('/api/todos', (req, res) => {
  const title = typeof req.body.title === 'string' ? req.body.title.trim() : '';
  if (!title) {
    return res.status(400).json({ error: 'title is required' });
  }
  const todo = { id: uuid(), title, done: false, createdAt: new Date().toISOString() };
  store.add(todo);
  res.status(201).json(todo);
});

app.patch('/api/todos/:id', (req, res) => {
  if (!ID.exec(req.params.id)) {
    return res.status(400).json({ error: 'bad id' });
  }
  const todo = store.update(req.params.id, req.body);
  if (!todo) return res.status(404).json({ error: 'not found' });
  res.json(todo);
});

app.delete('/api/todos/:id', (req, res) => {
  store.remove(req.params.id) ? res.status(204).end() : res.status(404).json({ error: 'not found' });
});

app.get('/api/export', (req, res) => {
  const file = path.join(__dirname, 'data', 'todos.json');
  if (!fs.existsSync(file)) return res.json([]);
  res.type('json').send(fs.readFileSync(file, 'utf8'));
});

app.get('*', (req, res) => res.sendFile(path.join(__dirname, 'public', 'index.html')));

app.listen(PORT, () => console.log(`todo app listening on http://localhost:${PORT}`));
