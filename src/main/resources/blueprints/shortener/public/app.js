'use strict';
// Shortens, lists, copies and deletes links through the API under api/links. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  let links = [];
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
    const toast = $('toast');
    toast.textContent = message;
    toast.classList.toggle('error', Boolean(isError));
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2600);
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      notify('Copied');
    } catch {
      notify('Select the link and copy it with Ctrl+C');
    }
  }

  function button(text, label, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function render() {
    $('links').replaceChildren(...links.map((l) => {
      const tr = document.createElement('tr');
      const short = document.createElement('td');
      const a = document.createElement('a');
      a.href = l.shortUrl;
      a.textContent = `/${l.slug}`;
      a.target = '_blank';
      a.rel = 'noopener';
      short.append(a);
      const target = document.createElement('td');
      target.className = 'target';
      target.textContent = l.url;
      target.title = l.url;
      const clicks = document.createElement('td');
      clicks.className = 'clicks';
      clicks.textContent = String(l.clicks);
      const actions = document.createElement('td');
      actions.className = 'actions';
      actions.append(button('Copy', `Copy ${l.shortUrl}`, 'btn btn-ghost small', () => copy(l.shortUrl)),
        button('✕', `Delete /${l.slug}`, 'icon-btn danger', () => remove(l)));
      tr.append(short, target, clicks, actions);
      return tr;
    }));
    $('count').textContent = String(links.length);
    $('empty').hidden = links.length > 0;
  }

  async function load() {
    try {
      links = await api('GET', 'api/links');
      render();
    } catch (e) {
      notify(`Could not load links: ${e.message}`, true);
    }
  }

  async function remove(link) {
    try {
      await api('DELETE', `api/links/${encodeURIComponent(link.slug)}`);
      links = links.filter((l) => l.slug !== link.slug);
      render();
      notify('Link deleted');
    } catch (e) {
      notify(e.message, true);
    }
  }

  $('shorten').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const link = await api('POST', 'api/links', { url: $('url').value.trim(), slug: $('slug').value.trim() });
      $('short').href = link.shortUrl;
      $('short').textContent = link.shortUrl;
      $('result').hidden = false;
      $('form-error').textContent = '';
      $('url').value = '';
      $('slug').value = '';
      load();
    } catch (err) {
      $('form-error').textContent = err.message;
      $('result').hidden = true;
    }
  });
  $('copy').addEventListener('click', () => copy($('short').textContent));

  const origin = window.location.origin;
  $('curl').textContent = `# shorten\ncurl -X POST ${origin}/api/links -H 'Content-Type: application/json' \\\n`
    + `  -d '{"url": "https://example.com/docs", "slug": "docs"}'\n\n# follow (302)\ncurl -i ${origin}/docs\n\n`
    + `# list, stats, delete\ncurl ${origin}/api/links\ncurl ${origin}/api/links/docs\n`
    + `curl -X DELETE ${origin}/api/links/docs`;
  load();
  setInterval(() => {
    if (document.visibilityState === 'visible') load();
  }, 10000);
})();
