'use strict';
// Lists and signs the guestbook through the API under api/entries. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  const list = $('entries');
  const form = $('sign');
  const PAGE = 20;
  let entries = [];
  let total = 0;
  let toastTimer;

  async function api(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
    return { data, total: Number(res.headers.get('X-Total-Count') || 0) };
  }

  function notify(message, isError) {
    const toast = $('toast');
    toast.textContent = message;
    toast.classList.toggle('error', Boolean(isError));
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2600);
  }

  function hue(text) {
    let h = 0;
    for (const c of text) h = (h * 31 + c.codePointAt(0)) % 360;
    return h;
  }

  function ago(iso) {
    const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600],
      ['minute', 60]];
    const fmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return fmt.format(-Math.round(seconds / size), unit);
    }
    return 'just now';
  }

  function item(entry, fresh) {
    const li = document.createElement('li');
    li.className = 'entry card' + (fresh ? ' new' : '');
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = [...entry.name.trim()][0] || '?';
    avatar.style.background = `hsl(${hue(entry.name)} 55% 42%)`;
    const body = document.createElement('div');
    const head = document.createElement('div');
    head.className = 'head';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = entry.name;
    const when = document.createElement('time');
    when.className = 'muted small';
    when.dateTime = entry.createdAt;
    when.title = new Date(entry.createdAt).toLocaleString();
    when.textContent = ago(entry.createdAt);
    head.append(name, when);
    const message = document.createElement('p');
    message.className = 'message';
    message.textContent = entry.message;
    body.append(head, message);
    li.append(avatar, body);
    return li;
  }

  function render(freshId) {
    list.replaceChildren(...entries.map((e) => item(e, e.id === freshId)));
    $('empty').hidden = entries.length > 0;
    $('more').hidden = entries.length >= total;
    $('count').textContent = total === 0 ? '' : `${total} ${total === 1 ? 'message' : 'messages'}`;
  }

  async function load() {
    try {
      const { data, total: count } = await api('GET', `api/entries?limit=${Math.max(PAGE, entries.length)}`);
      entries = data;
      total = count;
      $('load-error').hidden = true;
      render();
    } catch {
      $('load-error').hidden = false;
    }
  }

  $('more').addEventListener('click', async () => {
    try {
      const { data, total: count } = await api('GET', `api/entries?offset=${entries.length}&limit=${PAGE}`);
      entries = entries.concat(data);
      total = count;
      render();
    } catch (e) {
      notify(e.message, true);
    }
  });

  $('message').addEventListener('input', () => {
    $('chars').textContent = String($('message').value.length);
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { name: $('name').value.trim(), message: $('message').value.trim(), website: $('website').value };
    if (!body.name || !body.message) {
      $('form-error').textContent = 'Please write your name and a message.';
      return;
    }
    try {
      const { data } = await api('POST', 'api/entries', body);
      entries.unshift(data);
      total += 1;
      $('message').value = '';
      $('chars').textContent = '0';
      $('form-error').textContent = '';
      render(data.id);
      notify('Thanks for signing!');
    } catch (err) {
      $('form-error').textContent = err.message;
    }
  });

  load();
  setInterval(() => {
    if (document.visibilityState === 'visible') load();
  }, 15000);
})();
