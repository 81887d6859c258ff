'use strict';
// JSON files in the app's folder, written atomically: a temp file is written and flushed, then renamed over the
// old one, so a crash never leaves half a file behind.
const fs = require('node:fs');
const path = require('node:path');

const DATA_DIR = process.env.DATA_DIR || process.cwd();

/** One JSON document on disk. */
class JsonFile {
  constructor(name, fallback) {
    this.file = path.resolve(DATA_DIR, name);
    this.fallback = fallback;
  }

  read() {
    let text;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (err.code === 'ENOENT') return structuredClone(this.fallback);
      throw err;
    }
    try {
      return JSON.parse(text);
    } catch {
      const backup = `${this.file}.corrupt-${Date.now()}`;
      fs.renameSync(this.file, backup);
      console.error(`${this.file} was not valid JSON; moved it to ${backup} and started empty`);
      return structuredClone(this.fallback);
    }
  }

  write(data) {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, JSON.stringify(data, null, 2) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }
}

/** Records with numeric ids, kept in memory and saved to `<name>` after every change. */
class Collection {
  constructor(name, { maxItems = 10000 } = {}) {
    this.store = new JsonFile(name, { nextId: 1, items: [] });
    const data = this.store.read();
    this.items = Array.isArray(data) ? data : Array.isArray(data.items) ? data.items : [];
    const highest = this.items.reduce((max, item) => Math.max(max, Number(item.id) || 0), 0);
    this.nextId = Math.max(Number(data.nextId) || 1, highest + 1);
    this.maxItems = maxItems;
  }

  list() {
    return this.items;
  }

  get(id) {
    const n = Number(id);
    return this.items.find((item) => item.id === n);
  }

  insert(fields) {
    if (this.items.length >= this.maxItems) {
      const err = new Error(`storage is full (${this.maxItems} items); delete some first`);
      err.status = 409;
      throw err;
    }
    const now = new Date().toISOString();
    const item = { id: this.nextId++, ...fields, createdAt: now, updatedAt: now };
    this.items.push(item);
    this.save();
    return item;
  }

  update(id, fields) {
    const item = this.get(id);
    if (!item) return undefined;
    Object.assign(item, fields, { id: item.id, createdAt: item.createdAt, updatedAt: new Date().toISOString() });
    this.save();
    return item;
  }

  replace(id, fields) {
    const item = this.get(id);
    if (!item) return undefined;
    for (const key of Object.keys(item)) {
      if (!['id', 'createdAt'].includes(key)) delete item[key];
    }
    return this.update(id, fields);
  }

  remove(id) {
    const index = this.items.findIndex((item) => item.id === Number(id));
    if (index < 0) return false;
    this.items.splice(index, 1);
    this.save();
    return true;
  }

  removeWhere(predicate) {
    const before = this.items.length;
    this.items = this.items.filter((item) => !predicate(item));
    const removed = before - this.items.length;
    if (removed > 0) this.save();
    return removed;
  }

  save() {
    this.store.write({ nextId: this.nextId, items: this.items });
  }
}

module.exports = { JsonFile, Collection };
