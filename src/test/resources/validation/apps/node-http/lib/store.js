'use strict';
const fs = require('node:fs');
const path = require('node:path');

class JsonFile {
  constructor(name, fallback) {
    this.file = path.resolve(process.cwd(), name);
    this.fallback = fallback;
  }

  read() {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return structuredClone(this.fallback);
    }
  }

  write(value) {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, this.file);
  }
}

module.exports = { JsonFile };
