'use strict';
// Talks to the REST API under api/todos. Text is always set with textContent, never parsed as HTML.
(() => {
  const list = document.getElementById('list');
  const form = document.getElementById('add-form');
  const input = document.getElementById('new-title');
  const summary = document.getElementById('summary');
  const empty = document.getElementById('empty');
  const loadError = document.getElementById('load-error');
  const clearDone = document.getElementById('clear-done');
  const toast = document.getElementById('toast');
  const filters = document.querySelectorAll('[data-filter]');
  const extraInputs = document.getElementById('extra-inputs');
  const EXTRA = {{extraFieldsJson|raw}};
  let todos = [];
  let filter = 'all';
  let toastTimer;

  async function api(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === 204) return null;
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
    return data;
  }

  function notify(message, isError) {
    toast.textContent = message;
    toast.classList.toggle('error', Boolean(isError));
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2600);
  }

  function icon(path) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', path);
    p.setAttribute('fill', 'none');
    p.setAttribute('stroke', 'currentColor');
    p.setAttribute('stroke-width', '2');
    p.setAttribute('stroke-linecap', 'round');
    p.setAttribute('stroke-linejoin', 'round');
    svg.append(p);
    return svg;
  }

  function render() {
    const shown = todos.filter((t) => filter === 'all' || (filter === 'done' ? t.done : !t.done));
    list.replaceChildren(...shown.map(row));
    const left = todos.filter((t) => !t.done).length;
    const finished = todos.length - left;
    summary.textContent = todos.length === 0 ? '' : `${left} left · ${finished} done`;
    empty.hidden = shown.length > 0;
    empty.textContent = todos.length === 0 ? 'Nothing here yet. Add your first task above.'
      : filter === 'done' ? 'No completed tasks yet.' : 'All done. Nice work!';
    clearDone.hidden = finished === 0;
  }

  function row(todo) {
    const li = document.createElement('li');
    li.className = 'todo' + (todo.done ? ' done' : '');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = todo.done;
    box.id = `todo-${todo.id}`;
    box.addEventListener('change', () => update(todo, { done: box.checked }));
    const text = document.createElement('label');
    text.className = 'text';
    text.htmlFor = box.id;
    text.textContent = todo.title;
    text.addEventListener('dblclick', (e) => { e.preventDefault(); edit(li, todo, text); });
    const actions = document.createElement('div');
    actions.className = 'actions';
    const rename = document.createElement('button');
    rename.type = 'button';
    rename.className = 'icon-btn';
    rename.setAttribute('aria-label', `Rename “${todo.title}”`);
    rename.append(icon('M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'));
    rename.addEventListener('click', () => edit(li, todo, text));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'icon-btn danger';
    remove.setAttribute('aria-label', `Delete “${todo.title}”`);
    remove.append(icon('M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14'));
    remove.addEventListener('click', () => destroy(todo));
    actions.append(rename, remove);
    const body = document.createElement('div');
    body.className = 'body';
    body.append(text);
    const meta = details(todo);
    if (meta) body.append(meta);
    li.append(box, body, actions);
    return li;
  }

  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  function details(todo) {
    const badges = [];
    for (const f of EXTRA) {
      const v = todo[f.name];
      if (v === null || v === undefined || v === '' || v === false) continue;
      const badge = document.createElement('span');
      badge.className = 'badge';
      if (f.type === 'date') {
        const day = String(v).slice(0, 10);
        const [y, m, d] = day.split('-').map(Number);
        const label = new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric',
          month: 'short' });
        badge.textContent = `${f.label}: ${label}`;
        if (!todo.done && day < today()) {
          badge.classList.add('overdue');
          badge.textContent += ' · overdue';
        }
      } else if (f.type === 'boolean') {
        badge.textContent = f.label;
      } else {
        badge.textContent = `${f.label}: ${v}`;
      }
      badges.push(badge);
    }
    if (badges.length === 0) return null;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.append(...badges);
    return meta;
  }

  function buildExtraInputs() {
    if (EXTRA.length === 0) return;
    extraInputs.hidden = false;
    extraInputs.replaceChildren(...EXTRA.map((f) => {
      const wrap = document.createElement('div');
      wrap.className = 'extra' + (f.type === 'boolean' ? ' check' : '');
      const label = document.createElement('label');
      label.textContent = f.label;
      label.htmlFor = `extra-${f.name}`;
      const input = document.createElement('input');
      input.id = `extra-${f.name}`;
      input.dataset.field = f.name;
      input.dataset.type = f.type;
      input.type = { integer: 'number', number: 'number', boolean: 'checkbox', date: 'date', email: 'email',
        url: 'url' }[f.type] || 'text';
      if (f.type === 'number') input.step = 'any';
      if (f.type === 'boolean') wrap.append(input, label);
      else wrap.append(label, input);
      return wrap;
    }));
  }

  function readExtras() {
    const out = {};
    extraInputs.querySelectorAll('input[data-field]').forEach((input) => {
      const type = input.dataset.type;
      if (type === 'boolean') out[input.dataset.field] = input.checked;
      else if (input.value === '') return;
      else if (type === 'integer' || type === 'number') out[input.dataset.field] = Number(input.value);
      else out[input.dataset.field] = input.value;
    });
    return out;
  }

  function edit(li, todo, text) {
    const field = document.createElement('input');
    field.className = 'edit';
    field.value = todo.title;
    field.maxLength = 500;
    field.setAttribute('aria-label', 'Task name');
    let finished = false;
    const finish = async (save) => {
      if (finished) return;
      finished = true;
      const value = field.value.trim();
      if (save && value && value !== todo.title) await update(todo, { title: value });
      else render();
    };
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') finish(true);
      if (e.key === 'Escape') finish(false);
    });
    field.addEventListener('blur', () => finish(true));
    text.replaceWith(field);
    field.focus();
    field.select();
  }

  async function load() {
    try {
      todos = await api('GET', 'api/todos');
      loadError.hidden = true;
      render();
    } catch (e) {
      loadError.hidden = false;
      empty.hidden = true;
    }
  }

  async function update(todo, changes) {
    try {
      const saved = await api('PATCH', `api/todos/${todo.id}`, changes);
      todos = todos.map((t) => (t.id === saved.id ? saved : t));
    } catch (e) {
      notify(e.message, true);
    }
    render();
  }

  async function destroy(todo) {
    try {
      await api('DELETE', `api/todos/${todo.id}`);
      todos = todos.filter((t) => t.id !== todo.id);
      render();
      notify('Task deleted');
    } catch (e) {
      notify(e.message, true);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const title = input.value.trim();
    if (!title) return;
    try {
      const todo = await api('POST', 'api/todos', { title, ...readExtras() });
      todos.push(todo);
      input.value = '';
      extraInputs.querySelectorAll('input').forEach((i) => {
        if (i.type === 'checkbox') i.checked = false;
        else i.value = '';
      });
      render();
    } catch (err) {
      notify(err.message, true);
    }
    input.focus();
  });

  clearDone.addEventListener('click', async () => {
    try {
      const { removed } = await api('DELETE', 'api/todos?done=true');
      todos = todos.filter((t) => !t.done);
      render();
      notify(`Cleared ${removed} completed ${removed === 1 ? 'task' : 'tasks'}`);
    } catch (e) {
      notify(e.message, true);
    }
  });

  filters.forEach((button) => button.addEventListener('click', () => {
    filter = button.dataset.filter;
    filters.forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    render();
  }));

  buildExtraInputs();
  load();
})();
