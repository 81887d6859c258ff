'use strict';
// Reads the schema from GET api, then lists, adds and deletes items. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  const toast = $('toast');
  const EXAMPLE = {{exampleJson|raw}};
  let schema;
  let items = [];
  let toastTimer;
  let searchTimer;

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

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function docs() {
    $('endpoints').replaceChildren(...schema.endpoints.map((ep) => {
      const tr = el('tr');
      const method = el('td');
      method.append(el('span', ep.method, 'method'));
      tr.append(method, el('td', ep.path, 'path'), el('td', ep.description));
      return tr;
    }));
    $('fields').replaceChildren(...schema.fields.map((f) => {
      const li = el('li');
      li.append(el('code', f.name), ' ', el('span', f.type + (f.required ? '' : ', optional'), 'type'));
      return li;
    }));
    const origin = window.location.origin;
    $('curl').textContent = `curl -X POST ${origin}/api/${schema.collection} \\\n`
      + `  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(EXAMPLE)}'\n\n`
      + `curl ${origin}/api/${schema.collection}`;
  }

  function show(value, type) {
    if (value === null || value === undefined) return '—';
    if (type === 'boolean') return value ? 'Yes' : 'No';
    return String(value);
  }

  function renderItems() {
    const head = [el('th', 'id'), ...schema.fields.map((f) => el('th', f.name)), el('th', '')];
    head.forEach((th) => th.setAttribute('scope', 'col'));
    $('items-head').replaceChildren(...head);
    $('items').replaceChildren(...items.map((item) => {
      const tr = el('tr');
      tr.append(el('td', String(item.id)));
      schema.fields.forEach((f) => tr.append(el('td', show(item[f.name], f.type))));
      const actions = el('td', undefined, 'actions');
      const del = el('button', '✕', 'icon-btn danger');
      del.type = 'button';
      del.setAttribute('aria-label', `Delete item ${item.id}`);
      del.addEventListener('click', () => remove(item));
      actions.append(del);
      tr.append(actions);
      return tr;
    }));
    $('count').textContent = String(items.length);
    $('empty').hidden = items.length > 0;
  }

  function inputFor(field) {
    const input = el('input');
    input.id = `f-${field.name}`;
    input.name = field.name;
    input.required = field.required;
    switch (field.type) {
      case 'integer': input.type = 'number'; input.step = '1'; break;
      case 'number': input.type = 'number'; input.step = 'any'; break;
      case 'boolean': input.type = 'checkbox'; break;
      case 'date': input.type = 'date'; break;
      case 'email': input.type = 'email'; input.placeholder = 'name@example.com'; break;
      case 'url': input.type = 'url'; input.placeholder = 'https://'; break;
      default: input.type = 'text';
    }
    return input;
  }

  function buildForm() {
    const form = $('add-form');
    const rows = schema.fields.map((f) => {
      const wrap = el('div', undefined, 'field' + (f.type === 'boolean' ? ' check' : ''));
      const label = el('label', f.name);
      label.htmlFor = `f-${f.name}`;
      if (f.required) {
        const star = el('span', ' *', 'req');
        star.setAttribute('aria-hidden', 'true');
        label.append(star);
      }
      const input = inputFor(f);
      if (f.type === 'boolean') wrap.append(input, label);
      else wrap.append(label, input);
      return wrap;
    });
    const submit = el('button', 'Add', 'btn');
    submit.type = 'submit';
    form.replaceChildren(...rows, submit);
    form.addEventListener('submit', add);
  }

  function readForm() {
    const body = {};
    for (const f of schema.fields) {
      const input = $(`f-${f.name}`);
      if (f.type === 'boolean') body[f.name] = input.checked;
      else if (input.value === '') continue;
      else if (f.type === 'integer' || f.type === 'number') body[f.name] = Number(input.value);
      else body[f.name] = input.value;
    }
    return body;
  }

  async function add(e) {
    e.preventDefault();
    try {
      const item = await api('POST', `api/${schema.collection}`, readForm());
      items.push(item);
      renderItems();
      e.target.reset();
      $('form-error').textContent = '';
      notify('Added');
    } catch (err) {
      $('form-error').textContent = err.message;
    }
  }

  async function remove(item) {
    try {
      await api('DELETE', `api/${schema.collection}/${item.id}`);
      items = items.filter((i) => i.id !== item.id);
      renderItems();
      notify('Deleted');
    } catch (err) {
      notify(err.message, true);
    }
  }

  async function loadItems() {
    const q = $('search').value.trim();
    items = await api('GET', `api/${schema.collection}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    renderItems();
  }

  async function start() {
    try {
      schema = await api('GET', 'api');
      docs();
      buildForm();
      await loadItems();
    } catch (err) {
      notify('Could not reach the API: ' + err.message, true);
    }
  }

  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => loadItems().catch((err) => notify(err.message, true)), 200);
  });

  start();
})();
