'use strict';
// A REST API with JSON persistence. Schema below, docs at /, data in the .json file named after the collection.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const COLLECTION = {{entityPlural}};
const SINGULAR = {{entitySingular}};
const FIELDS = {{fieldsJson|raw}};
const MAX_STRING = 10000;
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt'];
const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

const CHECKS = {
  string: (v) => (typeof v !== 'string' ? 'must be a string'
    : v.length > MAX_STRING ? `must be at most ${MAX_STRING} characters` : null),
  integer: (v) => (Number.isInteger(v) ? null : 'must be an integer'),
  number: (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number'),
  boolean: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  date: (v) => {
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) {
      return 'must be a date such as 2025-06-30 (ISO 8601)';
    }
    const [y, m, d] = v.slice(0, 10).split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? null : 'is not a real calendar date';
  },
  email: (v) => (typeof v === 'string' && v.length <= 254 && EMAIL.test(v) ? null : 'must be an email address'),
  url: (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol) ? null : 'must be an http(s) URL';
    } catch {
      return 'must be an http(s) URL';
    }
  },
};

const items = new Collection(`${COLLECTION}.json`);
const app = createApp({ publicDir: path.join(__dirname, 'public') });

/** Checks a request body against FIELDS. mode: 'create' and 'replace' need every required field; 'patch' not. */
function validate(body, mode) {
  const names = FIELDS.map((f) => f.name);
  const unknown = Object.keys(body).find((k) => !names.includes(k) && !SYSTEM_FIELDS.includes(k));
  if (unknown !== undefined) {
    throw new HttpError(400, `unknown field "${unknown}"; fields are: ${names.join(', ')}`, { field: unknown });
  }
  const out = {};
  for (const field of FIELDS) {
    let value = body[field.name];
    if (value === undefined || value === null) {
      if (mode === 'patch' && value === undefined) continue;
      if (field.required) throw new HttpError(400, `${field.name} is required`, { field: field.name });
      out[field.name] = field.type === 'boolean' ? false : null;
      continue;
    }
    const problem = CHECKS[field.type](value);
    if (problem) {
      throw new HttpError(400, `${field.name} ${problem}`, { field: field.name, expected: field.type });
    }
    if (field.type === 'string' || field.type === 'email' || field.type === 'url') value = value.trim();
    if (field.required && value === '') {
      throw new HttpError(400, `${field.name} must not be empty`, { field: field.name });
    }
    out[field.name] = value;
  }
  if (mode === 'patch' && Object.keys(out).length === 0) {
    throw new HttpError(400, `send at least one of: ${names.join(', ')}`);
  }
  return out;
}

function find(id) {
  const item = items.get(id);
  if (!item) throw new HttpError(404, `no ${SINGULAR} with id ${id}`);
  return item;
}

function compare(field, desc) {
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1
      : typeof x === 'string' ? x.localeCompare(y) : x < y ? -1 : 1;
    return desc ? -order : order;
  };
}

const base = `/api/${COLLECTION}`;

app.get('/api', () => ({
  name: TITLE,
  collection: COLLECTION,
  fields: FIELDS.map(({ name, type, required }) => ({ name, type, required })),
  endpoints: [
    { method: 'GET', path: base, description: `List ${COLLECTION} (?q= search, ?sort=field or -field, ?limit, ?offset)` },
    { method: 'POST', path: base, description: `Create a ${SINGULAR}` },
    { method: 'GET', path: `${base}/{id}`, description: `Get one ${SINGULAR}` },
    { method: 'PUT', path: `${base}/{id}`, description: `Replace a ${SINGULAR}` },
    { method: 'PATCH', path: `${base}/{id}`, description: `Change some fields of a ${SINGULAR}` },
    { method: 'DELETE', path: `${base}/{id}`, description: `Delete a ${SINGULAR}` },
  ],
}));

app.get(base, ({ query, res }) => {
  let list = items.list();
  const q = (query.get('q') || '').trim().toLowerCase();
  if (q) {
    list = list.filter((item) => FIELDS.some((f) => typeof item[f.name] === 'string'
      && item[f.name].toLowerCase().includes(q)));
  }
  const sort = query.get('sort');
  if (sort) {
    const field = sort.replace(/^-/, '');
    if (!FIELDS.some((f) => f.name === field) && !SYSTEM_FIELDS.includes(field)) {
      throw new HttpError(400, `cannot sort by ${field}`);
    }
    list = [...list].sort(compare(field, sort.startsWith('-')));
  }
  const offset = Math.max(0, Number.parseInt(query.get('offset') || '0', 10) || 0);
  const limit = Math.max(0, Number.parseInt(query.get('limit') || '0', 10) || 0);
  res.setHeader('X-Total-Count', String(list.length));
  return limit > 0 ? list.slice(offset, offset + limit) : list.slice(offset);
});

app.post(base, ({ body }) => {
  const item = items.insert(validate(body, 'create'));
  return created(item, `${base}/${item.id}`);
});

app.get(`${base}/:id`, ({ params }) => find(params.id));

app.put(`${base}/:id`, ({ params, body }) => items.replace(find(params.id).id, validate(body, 'replace')));

app.patch(`${base}/:id`, ({ params, body }) => items.update(find(params.id).id, validate(body, 'patch')));

app.delete(`${base}/:id`, ({ params }) => {
  items.remove(find(params.id).id);
});

app.listen(TITLE);
