'use strict';
const fs = require('fs');
const path = require('path');

const DATA_DIR = path.join(__dirname, '..', 'data');
const FILE = path.join(DATA_DIR, 'todos.json');

function load() {
  try {
    return JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
}

let todos = load();

function save() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(todos, null, 2));
  fs.renameSync(tmp, FILE);
}

module.exports = {
  all: () => todos,
  add(todo) {
    todos.push(todo);
    save();
  },
  update(id, changes) {
    const todo = todos.find((t) => t.id === id);
    if (!todo) return undefined;
    if (typeof changes.title === 'string') todo.title = changes.title.trim();
    if (typeof changes.done === 'boolean') todo.done = changes.done;
    save();
    return todo;
  },
  remove(id) {
    const before = todos.length;
    todos = todos.filter((t) => t.id !== id);
    save();
    return todos.length < before;
  },
};
