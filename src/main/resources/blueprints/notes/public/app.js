'use strict';
// Talks to the REST API under api/notes. Text is always set with textContent, never parsed as HTML.
(() => {
  const $ = (id) => document.getElementById(id);
  const list = $('list');
  const empty = $('empty');
  const search = $('search');
  const form = $('editor');
  const placeholder = $('placeholder');
  const titleInput = $('note-title');
  const bodyInput = $('note-body');
  const pinnedInput = $('note-pinned');
  const status = $('status');
  const toast = $('toast');
  let notes = [];
  let current = null;
  let dirty = false;
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

  function renderList() {
    list.replaceChildren(...notes.map((note) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-current', String(current !== null && current.id === note.id));
      const name = document.createElement('span');
      name.className = 'name';
      if (note.pinned) {
        const mark = document.createElement('span');
        mark.className = 'pinned-mark';
        mark.textContent = '●';
        mark.setAttribute('aria-label', 'pinned');
        name.append(mark);
      }
      name.append(note.title);
      const snippet = document.createElement('span');
      snippet.className = 'snippet';
      snippet.textContent = note.body.split('\n').find((l) => l.trim()) || 'No text';
      button.append(name, snippet);
      button.addEventListener('click', () => open(note));
      li.append(button);
      return li;
    }));
    empty.hidden = notes.length > 0;
    empty.textContent = search.value.trim() ? 'No notes match your search.' : 'No notes yet.';
  }

  function open(note) {
    if (dirty && !confirm('Discard unsaved changes?')) return;
    current = note;
    dirty = false;
    form.hidden = false;
    placeholder.hidden = true;
    titleInput.value = note ? note.title : '';
    bodyInput.value = note ? note.body : '';
    pinnedInput.checked = note ? note.pinned : false;
    status.textContent = note ? `Edited ${new Date(note.updatedAt).toLocaleString()}` : 'New note';
    $('delete').hidden = !note;
    renderList();
    (note ? bodyInput : titleInput).focus();
  }

  async function load() {
    try {
      const q = search.value.trim();
      notes = await api('GET', q ? `api/notes?q=${encodeURIComponent(q)}` : 'api/notes');
      renderList();
    } catch (e) {
      notify('Could not load notes: ' + e.message, true);
    }
  }

  async function save() {
    const payload = { title: titleInput.value.trim(), body: bodyInput.value, pinned: pinnedInput.checked };
    if (!payload.title) {
      titleInput.focus();
      notify('Give the note a title first', true);
      return;
    }
    try {
      current = current
        ? await api('PUT', `api/notes/${current.id}`, payload)
        : await api('POST', 'api/notes', payload);
      dirty = false;
      status.textContent = 'Saved';
      $('delete').hidden = false;
      await load();
    } catch (e) {
      notify(e.message, true);
    }
  }

  async function remove() {
    if (!current || !confirm(`Delete “${current.title}”?`)) return;
    try {
      await api('DELETE', `api/notes/${current.id}`);
      current = null;
      dirty = false;
      form.hidden = true;
      placeholder.hidden = false;
      notify('Note deleted');
      await load();
    } catch (e) {
      notify(e.message, true);
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); save(); });
  [titleInput, bodyInput, pinnedInput].forEach((el) => el.addEventListener('input', () => {
    dirty = true;
    status.textContent = 'Unsaved changes';
  }));
  $('delete').addEventListener('click', remove);
  $('new-note').addEventListener('click', () => open(null));
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(load, 200);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !form.hidden) {
      e.preventDefault();
      save();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });

  load();
})();
