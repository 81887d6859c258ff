'use strict';
// A REST API with JSON persistence. Schema below, docs at /, data in the .json file named after the collection.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');
const { validate } = require('./lib/fields');

const TITLE = {{title}};
const COLLECTION = {{entityPlural}};
const SINGULAR = {{entitySingular}};
const FIELDS = {{fieldsJson|raw}};
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt'];

const items = new Collection(`${COLLECTION}.json`);
const app = createApp({ publicDir: path.join(__dirname, 'public') });

/** Checks a request body against FIELDS. mode: 'create' and 'replace' need every required field; 'patch' not. */
function check(body, mode) {
  const out = validate(FIELDS, body, mode, SYSTEM_FIELDS);
  if (mode === 'patch' && Object.keys(out).length === 0) {
    throw new HttpError(400, `send at least one of: ${FIELDS.map((f) => f.name).join(', ')}`);
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
  const item = items.insert(check(body, 'create'));
  return created(item, `${base}/${item.id}`);
});

app.get(`${base}/:id`, ({ params }) => find(params.id));

app.put(`${base}/:id`, ({ params, body }) => items.replace(find(params.id).id, check(body, 'replace')));

app.patch(`${base}/:id`, ({ params, body }) => items.update(find(params.id).id, check(body, 'patch')));

app.delete(`${base}/:id`, ({ params }) => {
  items.remove(find(params.id).id);
});

app.listen(TITLE);
