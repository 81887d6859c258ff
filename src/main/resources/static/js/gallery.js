// The gallery to start from: the app kinds (web app, API, script) with example prompts that work on this server's
// engine (GET /api/v1/examples), or a built-in list that the offline engine serves when the server has no such
// endpoint.

import { api } from './api.js';
import { $, el } from './ui.js';

const FALLBACK_EXAMPLES = [
  { kind: 'web app', title: 'Todo list', prompt: 'a todo list app' },
  { kind: 'web app', title: 'Notes', prompt: 'a notes app' },
  { kind: 'web app', title: 'Bakery landing page', prompt: 'a landing page for my bakery Sweet Crumbs' },
  { kind: 'web app', title: 'Kanban board', prompt: 'a kanban board' },
  { kind: 'web app', title: 'Pomodoro timer', prompt: 'a pomodoro timer' },
  { kind: 'web app', title: 'Calculator', prompt: 'a calculator' },
  { kind: 'web app', title: 'Tic-tac-toe', prompt: 'a tic-tac-toe game' },
  { kind: 'API', title: 'Books API', prompt: 'a REST API for books with title, author and year' },
];
const KIND_ORDER = ['web app', 'API', 'script'];
const KIND_TITLES = { 'web app': 'Web apps', API: 'APIs', script: 'Scripts' };

/** Shows the examples grouped by kind; choosing one calls use(prompt). */
export async function loadGallery(use) {
  let examples = FALLBACK_EXAMPLES;
  try {
    const answer = await api.examples();
    if (answer.examples?.length) examples = answer.examples;
  } catch {
    // no examples endpoint on this server: the built-in list works on the offline engine
  }
  const groups = KIND_ORDER.concat([...new Set(examples.map((x) => x.kind))].filter((k) => !KIND_ORDER.includes(k)))
    .map((kind) => [kind, examples.filter((x) => x.kind === kind)])
    .filter(([, list]) => list.length);
  $('gallery').replaceChildren(...groups.map(([kind, list]) => {
    const headingId = `kind-${kind.replace(/\W+/g, '-')}`;
    return el('section', { class: 'kind', 'aria-labelledby': headingId },
      el('h3', { id: headingId, text: KIND_TITLES[kind] || kind }),
      el('ul', { class: 'examples' }, ...list.map((x) => el('li', {},
        el('button', { type: 'button', class: 'example', 'data-prompt': x.prompt,
          onclick: () => use(x.prompt) },
          el('span', { class: 'example-title', text: x.title }),
          el('span', { class: 'example-prompt', text: x.prompt }))))));
  }));
}
