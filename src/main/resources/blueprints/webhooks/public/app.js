'use strict';
// Polls api/requests every two seconds for new captures and shows their details. Text via textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  let requests = [];
  let lastId = 0;
  let selected = null;
  let toastTimer;

  async function api(method, url) {
    const res = await fetch(url, { method });
    if (res.status === 204) return null;
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
    return data;
  }

  function notify(message, isError) {
    const toast = $('toast');
    toast.textContent = message;
    toast.classList.toggle('error', Boolean(isError));
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2600);
  }

  const el = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };

  function table(entries) {
    const t = el('table', undefined, 'kv');
    const body = el('tbody');
    entries.forEach(([k, v]) => {
      const tr = el('tr');
      tr.append(el('td', k), el('td', String(v)));
      body.append(tr);
    });
    t.append(body);
    return t;
  }

  function pretty(r) {
    if (!r.body) return '(empty body)';
    try {
      return JSON.stringify(JSON.parse(r.body), null, 2);
    } catch {
      return r.body;
    }
  }

  function detail(r) {
    const box = $('detail');
    if (!r) {
      box.replaceChildren(el('p', 'Select a request to see its headers and body.', 'muted'));
      return;
    }
    const head = el('p');
    head.append(el('span', r.method, 'method'), ' ', el('code', r.path), ' ',
      el('span', new Date(r.receivedAt).toLocaleString(), 'muted small'));
    const query = Object.entries(r.query);
    box.replaceChildren(head,
      el('h3', `Body · ${r.size} bytes${r.contentType ? ` · ${r.contentType}` : ''}${r.truncated ? ' · cut' : ''}`),
      el('pre', pretty(r)),
      ...(query.length ? [el('h3', 'Query'), table(query)] : []),
      el('h3', 'Headers'), table(Object.entries(r.headers)));
  }

  function render(freshIds) {
    const hook = $('hook').value;
    const shown = requests.filter((r) => !hook || r.hook === hook);
    $('list').replaceChildren(...shown.map((r) => {
      const li = el('li');
      if (r.id === selected) li.classList.add('selected');
      if (freshIds.has(r.id)) li.classList.add('fresh');
      li.tabIndex = 0;
      li.append(el('span', r.method, 'method'), el('span', r.path, 'where'),
        el('span', new Date(r.receivedAt).toLocaleTimeString(), 'when'));
      const open = () => {
        selected = r.id;
        detail(r);
        render(new Set());
      };
      li.addEventListener('click', open);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
      return li;
    }));
    $('count').textContent = String(shown.length);
    $('empty').hidden = shown.length > 0;
    const hooks = [...new Set(requests.map((r) => r.hook))].sort();
    const current = $('hook').value;
    $('hook').replaceChildren(el('option', 'All hooks'), ...hooks.map((h) => el('option', h)));
    $('hook').options[0].value = '';
    $('hook').value = hooks.includes(current) ? current : '';
  }

  async function poll() {
    try {
      const fresh = await api('GET', `api/requests?after=${lastId}`);
      if (fresh.length > 0) {
        requests = [...fresh, ...requests].slice(0, 500);
        lastId = Math.max(lastId, ...fresh.map((r) => r.id));
        if (selected === null) {
          selected = fresh[0].id;
          detail(fresh[0]);
        }
        render(new Set(fresh.map((r) => r.id)));
      }
    } catch {
      // the next poll retries
    }
  }

  $('hook').addEventListener('change', () => render(new Set()));
  $('clear').addEventListener('click', async () => {
    try {
      await api('DELETE', 'api/requests');
      requests = [];
      selected = null;
      detail(null);
      render(new Set());
      notify('Inbox cleared');
    } catch (e) {
      notify(e.message, true);
    }
  });

  const endpoint = `${window.location.origin}/hooks/my-hook`;
  $('endpoint').textContent = endpoint;
  $('count').textContent = '0';
  $('curl').textContent = `curl -X POST ${endpoint} -H 'Content-Type: application/json' -d '{"event": "ping"}'`;
  poll();
  setInterval(poll, 2000);
})();
