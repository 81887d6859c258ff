'use strict';
// Talks to the REST API under api/board and api/cards. Text is always set with textContent, never parsed as HTML.
(() => {
  const $ = (id) => document.getElementById(id);
  const boardEl = $('board');
  const dialog = $('card-dialog');
  const toast = $('toast');
  let columns = [];
  let cards = [];
  let editing = null;
  let dragged = null;
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

  function button(label, text, onClick, extra) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'icon-btn' + (extra ? ' ' + extra : '');
    b.setAttribute('aria-label', label);
    b.title = label;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function cardEl(card, columnIndex) {
    const li = document.createElement('li');
    li.className = 'kcard';
    li.draggable = true;
    li.dataset.id = card.id;
    const h = document.createElement('h3');
    h.textContent = card.title;
    li.append(h);
    if (card.description) {
      const p = document.createElement('p');
      p.textContent = card.description;
      li.append(p);
    }
    const actions = document.createElement('div');
    actions.className = 'card-actions';
    if (columnIndex > 0) {
      actions.append(button(`Move “${card.title}” to ${columns[columnIndex - 1].title}`, '←',
        () => move(card, columns[columnIndex - 1].id)));
    }
    if (columnIndex < columns.length - 1) {
      actions.append(button(`Move “${card.title}” to ${columns[columnIndex + 1].title}`, '→',
        () => move(card, columns[columnIndex + 1].id)));
    }
    actions.append(button(`Edit “${card.title}”`, '✎', () => edit(card)));
    li.append(actions);
    li.addEventListener('dragstart', (e) => {
      dragged = card;
      li.classList.add('dragging');
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', String(card.id));
    });
    li.addEventListener('dragend', () => {
      dragged = null;
      li.classList.remove('dragging');
    });
    return li;
  }

  function dropIndex(list, y) {
    const items = [...list.querySelectorAll('.kcard:not(.dragging)')];
    const index = items.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return y < box.top + box.height / 2;
    });
    return index < 0 ? items.length : index;
  }

  function render() {
    boardEl.replaceChildren(...columns.map((column, columnIndex) => {
      const section = document.createElement('section');
      section.className = 'column';
      section.setAttribute('aria-labelledby', `col-${column.id}`);
      const mine = cards.filter((c) => c.column === column.id);
      const head = document.createElement('div');
      head.className = 'column-head';
      const h = document.createElement('h2');
      h.id = `col-${column.id}`;
      h.textContent = column.title;
      const count = document.createElement('span');
      count.className = 'badge';
      count.textContent = String(mine.length);
      count.setAttribute('aria-label', `${mine.length} cards`);
      head.append(h, count);
      const list = document.createElement('ul');
      list.className = 'cards';
      list.append(...mine.map((card) => cardEl(card, columnIndex)));
      list.addEventListener('dragover', (e) => {
        if (!dragged) return;
        e.preventDefault();
        list.classList.add('drop-target');
      });
      list.addEventListener('dragleave', () => list.classList.remove('drop-target'));
      list.addEventListener('drop', (e) => {
        e.preventDefault();
        list.classList.remove('drop-target');
        if (dragged) move(dragged, column.id, dropIndex(list, e.clientY));
      });
      const form = document.createElement('form');
      form.className = 'add-card';
      const input = document.createElement('input');
      input.placeholder = 'Add a card…';
      input.maxLength = 200;
      input.setAttribute('aria-label', `New card in ${column.title}`);
      const add = document.createElement('button');
      add.className = 'btn';
      add.type = 'submit';
      add.textContent = 'Add';
      form.append(input, add);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const title = input.value.trim();
        if (!title) return;
        try {
          cards.push(await api('POST', 'api/cards', { title, column: column.id }));
          render();
          boardEl.querySelector(`[aria-label="New card in ${CSS.escape(column.title)}"]`).focus();
        } catch (err) {
          notify(err.message, true);
        }
      });
      section.append(head, list, form);
      return section;
    }));
    $('summary').textContent = cards.length ? `${cards.length} ${cards.length === 1 ? 'card' : 'cards'}` : '';
  }

  async function load() {
    try {
      const board = await api('GET', 'api/board');
      columns = board.columns;
      cards = board.cards;
      render();
    } catch (e) {
      $('load-error').hidden = false;
    }
  }

  async function move(card, column, index) {
    try {
      const body = index === undefined ? { column } : { column, index };
      await api('PATCH', `api/cards/${card.id}`, body);
      cards = (await api('GET', 'api/board')).cards;
      render();
    } catch (e) {
      notify(e.message, true);
    }
  }

  function edit(card) {
    editing = card;
    $('card-title').value = card.title;
    $('card-description').value = card.description;
    dialog.showModal();
    $('card-title').focus();
  }

  $('card-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const title = $('card-title').value.trim();
    if (!title) return;
    try {
      const saved = await api('PATCH', `api/cards/${editing.id}`,
        { title, description: $('card-description').value });
      cards = cards.map((c) => (c.id === saved.id ? saved : c));
      dialog.close();
      render();
    } catch (err) {
      notify(err.message, true);
    }
  });
  $('card-cancel').addEventListener('click', () => dialog.close());
  $('card-delete').addEventListener('click', async () => {
    if (!confirm(`Delete “${editing.title}”?`)) return;
    try {
      await api('DELETE', `api/cards/${editing.id}`);
      cards = cards.filter((c) => c.id !== editing.id);
      dialog.close();
      render();
      notify('Card deleted');
    } catch (err) {
      notify(err.message, true);
    }
  });

  load();
})();
