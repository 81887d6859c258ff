'use strict';
// An expense tracker. REST API under /api/expenses, monthly summaries at /api/summary, page in public/, data in
// expenses.json. Amounts are numbers in CURRENCY; dates are "YYYY-MM-DD".
const path = require('node:path');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const CURRENCY = {{currency}};
const CATEGORIES = {{categoriesJson|raw}};
const BUDGET = {{budget|raw}};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

const expenses = new Collection('expenses.json', { maxItems: 50000 });
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function amount(value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1e9) {
    throw new HttpError(400, 'amount must be a positive number', { field: 'amount' });
  }
  return Math.round(value * 100) / 100;
}

function category(value) {
  if (typeof value !== 'string' || !CATEGORIES.includes(value)) {
    throw new HttpError(400, `category must be one of: ${CATEGORIES.join(', ')}`, { field: 'category' });
  }
  return value;
}

function date(value) {
  const [y, m, d] = String(value).split('-').map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (typeof value !== 'string' || !DAY.test(value) || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) {
    throw new HttpError(400, 'date must be a day such as 2025-06-30', { field: 'date' });
  }
  return value;
}

function note(value) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > 200) {
    throw new HttpError(400, 'note must be text of at most 200 characters', { field: 'note' });
  }
  return value.trim();
}

function check(body, partial) {
  const unknown = Object.keys(body).find((k) => !['amount', 'category', 'date', 'note'].includes(k));
  if (unknown) throw new HttpError(400, `unknown field ${unknown}; use amount, category, date and note`);
  const out = {};
  if (!partial || 'amount' in body) out.amount = amount(body.amount);
  if (!partial || 'category' in body) out.category = category(body.category);
  if (!partial || 'date' in body) out.date = date(body.date);
  if (!partial || 'note' in body) out.note = note(body.note);
  return out;
}

function month(query) {
  const m = query.get('month');
  if (m === null) return null;
  if (!MONTH.test(m)) throw new HttpError(400, 'month must look like 2025-06');
  return m;
}

function find(id) {
  const e = expenses.get(id);
  if (!e) throw new HttpError(404, `no expense with id ${id}`);
  return e;
}

const newestFirst = (a, b) => b.date.localeCompare(a.date) || b.id - a.id;

app.get('/api/settings', () => ({ currency: CURRENCY, categories: CATEGORIES, budget: BUDGET }));

app.get('/api/expenses', ({ query }) => {
  const m = month(query);
  return expenses.list().filter((e) => m === null || e.date.startsWith(m)).sort(newestFirst);
});

app.post('/api/expenses', ({ body }) => {
  const e = expenses.insert(check(body, false));
  return created(e, `/api/expenses/${e.id}`);
});

app.get('/api/expenses/:id', ({ params }) => find(params.id));

app.patch('/api/expenses/:id', ({ params, body }) => expenses.update(find(params.id).id, check(body, true)));

app.delete('/api/expenses/:id', ({ params }) => {
  expenses.remove(find(params.id).id);
});

app.get('/api/summary', ({ query }) => {
  const m = month(query);
  if (m === null) throw new HttpError(400, 'give a month, e.g. /api/summary?month=2025-06');
  const list = expenses.list().filter((e) => e.date.startsWith(m));
  const byCategory = {};
  CATEGORIES.forEach((c) => { byCategory[c] = 0; });
  let total = 0;
  list.forEach((e) => {
    byCategory[e.category] = Math.round(((byCategory[e.category] || 0) + e.amount) * 100) / 100;
    total += e.amount;
  });
  return { month: m, currency: CURRENCY, count: list.length, total: Math.round(total * 100) / 100, byCategory,
    budget: BUDGET, left: BUDGET > 0 ? Math.round((BUDGET - total) * 100) / 100 : null };
});

app.listen(TITLE);
