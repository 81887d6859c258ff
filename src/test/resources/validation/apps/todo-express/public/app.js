'use strict';
const list = document.getElementById('list');
const form = document.getElementById('add');

async function api(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error((await res.json()).error || res.statusText);
  return res.status === 204 ? null : res.json();
}

function render(todos) {
  list.innerHTML = '';
  for (const todo of todos) {
    const li = document.createElement('li');
    li.textContent = todo.title;
    li.className = todo.done ? 'done' : '';
    li.addEventListener('click', async () => {
      await api('PATCH', `/api/todos/${todo.id}`, { done: !todo.done });
      refresh();
    });
    list.appendChild(li);
  }
}

async function refresh() {
  render(await api('GET', '/api/todos'));
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const title = new FormData(form).get('title');
  await api('POST', '/api/todos', { title });
  form.reset();
  refresh();
});

const ratio = list.children.length / 2; // a division, not a regex
setTimeout(refresh, 0);
console.log('ready', ratio);
