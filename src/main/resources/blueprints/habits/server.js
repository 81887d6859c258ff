'use strict';
// A habit tracker. REST API under /api/habits, page in public/, data in habits.json. A habit keeps the days it was
// done as "YYYY-MM-DD" strings (the browser's local date), so streaks follow the user's own calendar.
const path = require('node:path');
const fs = require('node:fs');
const { createApp, HttpError, created } = require('./lib/web');
const { Collection } = require('./lib/store');

const TITLE = {{title}};
const START_WITH = {{habitsJson|raw}};
const MAX_NAME = 80;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const fresh = !fs.existsSync(path.resolve(process.env.DATA_DIR || process.cwd(), 'habits.json'));
const habits = new Collection('habits.json', { maxItems: 200 });
if (fresh) START_WITH.forEach((name) => habits.insert({ name, days: [] }));
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function name(value) {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new HttpError(400, 'name must be a non-empty string', { field: 'name' });
  }
  if (value.trim().length > MAX_NAME) throw new HttpError(400, `name must be at most ${MAX_NAME} characters`);
  return value.trim();
}

function day(value) {
  const [y, m, d] = String(value).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!DAY.test(value) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new HttpError(400, 'the day must be a date such as 2025-06-30', { field: 'day' });
  }
  return value;
}

function find(id) {
  const habit = habits.get(id);
  if (!habit) throw new HttpError(404, `no habit with id ${id}`);
  return habit;
}

app.get('/api/habits', () => habits.list());

app.post('/api/habits', ({ body }) => {
  const habit = habits.insert({ name: name(body.name), days: [] });
  return created(habit, `/api/habits/${habit.id}`);
});

app.get('/api/habits/:id', ({ params }) => find(params.id));

app.patch('/api/habits/:id', ({ params, body }) => {
  const habit = find(params.id);
  if (!('name' in body)) throw new HttpError(400, 'send a name to rename the habit');
  return habits.update(habit.id, { name: name(body.name) });
});

app.delete('/api/habits/:id', ({ params }) => {
  habits.remove(find(params.id).id);
});

/** Marks a day done (idempotent). Any request body is ignored. */
app.put('/api/habits/:id/days/:day', ({ params }) => {
  const habit = find(params.id);
  const d = day(params.day);
  const days = habit.days.includes(d) ? habit.days : [...habit.days, d].sort();
  return habits.update(habit.id, { days });
}, { body: 'raw' });

/** Marks a day not done (idempotent). */
app.delete('/api/habits/:id/days/:day', ({ params }) => {
  const habit = find(params.id);
  const d = day(params.day);
  return habits.update(habit.id, { days: habit.days.filter((x) => x !== d) });
});

app.listen(TITLE);
