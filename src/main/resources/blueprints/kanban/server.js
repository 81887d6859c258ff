'use strict';
// A kanban board. REST API under /api/board and /api/cards, page in public/, data in cards.json.
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const COLUMN_TITLES = {{columnsJson|raw}};
const LIMITS = { title: 200, description: 5000 };

function slug(text, taken) {
  const base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'column';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const taken = new Set();
const COLUMNS = COLUMN_TITLES.map((title) => ({ id: slug(title, taken), title }));
const COLUMN_IDS = COLUMNS.map((c) => c.id);

const cards = new Collection('cards.json');
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function text(body, field, required) {
  const value = body[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.trim() === '')) {
    throw new HttpError(400, `${field} must be a ${required ? 'non-empty ' : ''}string`, { field });
  }
  if (value.length > LIMITS[field]) {
    throw new HttpError(400, `${field} must be at most ${LIMITS[field]} characters`, { field });
  }
  return value.trim();
}

function column(value) {
  if (!COLUMN_IDS.includes(value)) {
    throw new HttpError(400, `column must be one of ${COLUMN_IDS.join(', ')}`, { field: 'column' });
  }
  return value;
}

function checkFields(body, allowed) {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new HttpError(400, `unknown field ${unknown[0]}; use ${allowed.join(', ')}`);
}

function find(id) {
  const card = cards.get(id);
  if (!card) throw new HttpError(404, `no card with id ${id}`);
  return card;
}

/** Moves a card to position `index` of column `to` (the end when index is missing or too large). */
function place(card, to, index) {
  const rest = cards.items.filter((c) => c !== card);
  const inColumn = rest.filter((c) => c.column === to);
  let at;
  if (index === undefined || index >= inColumn.length) {
    const last = inColumn[inColumn.length - 1];
    at = last ? rest.indexOf(last) + 1 : rest.length;
  } else {
    at = rest.indexOf(inColumn[Math.max(0, index)]);
  }
  rest.splice(at, 0, card);
  cards.items = rest;
}

app.get('/api/board', () => ({ title: TITLE, columns: COLUMNS, cards: cards.list() }));

app.get('/api/cards', () => cards.list());

app.post('/api/cards', ({ body }) => {
  checkFields(body, ['title', 'description', 'column']);
  const card = cards.insert({
    title: text(body, 'title', true),
    description: text(body, 'description', false) ?? '',
    column: body.column === undefined ? COLUMN_IDS[0] : column(body.column),
  });
  return created(card, `/api/cards/${card.id}`);
});

app.get('/api/cards/:id', ({ params }) => find(params.id));

app.patch('/api/cards/:id', ({ params, body }) => {
  const card = find(params.id);
  checkFields(body, ['title', 'description', 'column', 'index']);
  if (body.index !== undefined && (!Number.isInteger(body.index) || body.index < 0)) {
    throw new HttpError(400, 'index must be a whole number from 0', { field: 'index' });
  }
  const changes = {};
  if (body.title !== undefined) changes.title = text(body, 'title', true);
  if (body.description !== undefined) changes.description = text(body, 'description', false);
  if (body.column !== undefined) changes.column = column(body.column);
  if (Object.keys(changes).length === 0 && body.index === undefined) {
    throw new HttpError(400, 'send title, description, column and/or index to change');
  }
  if (changes.column !== undefined || body.index !== undefined) {
    place(card, changes.column ?? card.column, body.index);
  }
  return cards.update(card.id, changes);
});

app.delete('/api/cards/:id', ({ params }) => {
  cards.remove(find(params.id).id);
});

app.listen(TITLE);
