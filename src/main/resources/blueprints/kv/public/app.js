'use strict';
// Lists keys, shows and edits values through the API under api/kv. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  let keys = [];
  let selected = null;
  let toastTimer;
  let filterTimer;

  async function request(method, url, body, type) {
    const res = await fetch(url, { method, headers: type ? { 'Content-Type': type } : {}, body });
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

  const url = (k) => `api/kv/${encodeURIComponent(k)}`;

  function size(bytes) {
    return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
  }

  function render() {
    $('keys').replaceChildren(...keys.map((k) => {
      const li = document.createElement('li');
      li.tabIndex = 0;
      if (k.key === selected) li.className = 'selected';
      const name = document.createElement('span');
      name.className = 'k';
      name.textContent = k.key;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${k.type} · ${size(k.size)}${k.expiresAt ? ' · expires '
        + new Date(k.expiresAt).toLocaleTimeString() : ''}`;
      li.append(name, meta);
      const open = () => show(k.key);
      li.addEventListener('click', open);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
      return li;
    }));
    $('count').textContent = String(keys.length);
    $('empty').hidden = keys.length > 0;
  }

  async function load() {
    try {
      const prefix = $('prefix').value;
      keys = (await request('GET', `api/kv${prefix ? `?prefix=${encodeURIComponent(prefix)}` : ''}`)).keys;
      render();
    } catch (e) {
      notify(`Could not load keys: ${e.message}`, true);
    }
  }

  async function show(k) {
    try {
      const e = await request('GET', url(k));
      selected = k;
      $('key').value = e.key;
      $('as-json').checked = e.type === 'json';
      $('value').value = e.type === 'json' ? JSON.stringify(e.value, null, 2) : e.value;
      $('ttl').value = '';
      $('form-error').textContent = '';
      render();
    } catch (err) {
      notify(err.message, true);
      load();
    }
  }

  $('editor').addEventListener('submit', async (e) => {
    e.preventDefault();
    const k = $('key').value;
    const ttl = $('ttl').value ? `?ttl=${encodeURIComponent($('ttl').value)}` : '';
    try {
      const saved = await request('PUT', url(k) + ttl, $('value').value,
        $('as-json').checked ? 'application/json' : 'text/plain');
      selected = saved.key;
      $('form-error').textContent = '';
      notify(`Saved ${saved.key}`);
      load();
    } catch (err) {
      $('form-error').textContent = err.message;
    }
  });

  $('delete').addEventListener('click', async () => {
    const k = $('key').value;
    if (!k) return;
    try {
      await request('DELETE', url(k));
      notify(`Deleted ${k}`);
      selected = null;
      $('value').value = '';
      load();
    } catch (err) {
      notify(err.message, true);
    }
  });

  $('prefix').addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(load, 200);
  });

  const origin = window.location.origin;
  $('curl').textContent = `curl -X PUT ${origin}/api/kv/greeting -H 'Content-Type: application/json' `
    + `-d '{"text": "hello"}'\ncurl ${origin}/api/kv/greeting\ncurl -X PUT '${origin}/api/kv/session?ttl=60' `
    + `-H 'Content-Type: text/plain' -d 'temporary'\ncurl ${origin}/api/kv?prefix=se\ncurl -X DELETE ${origin}/api/kv/greeting`;
  load();
})();
