'use strict';
// A poll: one question, fixed options, vote counts in votes.json. GET /api/poll for results, POST /api/votes to
// vote. Counts of options that are no longer offered are dropped.
const path = require('node:path');
const { createApp, HttpError } = require('./lib/web');
const { JsonFile } = require('./lib/store');

const TITLE = {{title}};
const QUESTION = {{question}};
const OPTIONS = {{optionsJson|raw}};

const store = new JsonFile('votes.json', { votes: {} });
const saved = store.read();
const votes = Object.fromEntries(OPTIONS.map((o) => [o, Number((saved.votes || {})[o]) || 0]));
const app = createApp({ publicDir: path.join(__dirname, 'public') });

function results() {
  const total = Object.values(votes).reduce((a, b) => a + b, 0);
  return {
    question: QUESTION,
    total,
    options: OPTIONS.map((option) => ({ option, votes: votes[option],
      percent: total === 0 ? 0 : Math.round((votes[option] / total) * 1000) / 10 })),
  };
}

function option(value, field) {
  if (typeof value !== 'string' || !OPTIONS.includes(value)) {
    throw new HttpError(400, `${field} must be one of: ${OPTIONS.join(', ')}`, { field });
  }
  return value;
}

app.get('/api/poll', () => results());

/** Adds a vote; `previous` (the option this browser voted for before) moves that vote instead. */
app.post('/api/votes', ({ body }) => {
  const chosen = option(body.option, 'option');
  if (body.previous !== undefined && body.previous !== null) {
    const before = option(body.previous, 'previous');
    if (before === chosen) return results();
    votes[before] = Math.max(0, votes[before] - 1);
  }
  votes[chosen] += 1;
  store.write({ votes });
  return results();
});

app.listen(TITLE);
