'use strict';
// Shows the last 14 days of every habit and ticks days on and off through the API under api/habits.
(() => {
  const $ = (id) => document.getElementById(id);
  const DAYS = 14;
  let habits = [];
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

  const two = (n) => String(n).padStart(2, '0');
  const iso = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

  function lastDays() {
    const out = [];
    const now = new Date();
    for (let i = DAYS - 1; i >= 0; i -= 1) out.push(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i));
    return out;
  }

  /** Days in a row up to today (or up to yesterday when today is not ticked yet). */
  function streak(days) {
    const done = new Set(days);
    const d = new Date();
    if (!done.has(iso(d))) d.setDate(d.getDate() - 1);
    let n = 0;
    while (done.has(iso(d))) {
      n += 1;
      d.setDate(d.getDate() - 1);
    }
    return n;
  }

  function header(days) {
    const name = document.createElement('th');
    name.className = 'name-col';
    name.scope = 'col';
    name.textContent = 'Habit';
    const cols = days.map((d, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (i === days.length - 1) th.className = 'today';
      th.textContent = `${d.toLocaleDateString(undefined, { weekday: 'narrow' })}\n${d.getDate()}`;
      th.style.whiteSpace = 'pre-line';
      return th;
    });
    const actions = document.createElement('th');
    const label = document.createElement('span');
    label.className = 'sr-only';
    label.textContent = 'Actions';
    actions.append(label);
    $('head').replaceChildren(name, ...cols, actions);
  }

  function row(habit, days) {
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    name.className = 'name';
    name.textContent = habit.name;
    const s = streak(habit.days);
    const info = document.createElement('span');
    info.className = 'streak';
    info.textContent = s > 0 ? `🔥 ${s} day${s === 1 ? '' : 's'} in a row` : 'No streak yet';
    name.append(info);
    tr.append(name);
    const done = new Set(habit.days);
    days.forEach((d, i) => {
      const td = document.createElement('td');
      if (i === days.length - 1) td.className = 'today';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'day';
      const key = iso(d);
      b.setAttribute('aria-pressed', String(done.has(key)));
      b.setAttribute('aria-label', `${habit.name}, ${d.toLocaleDateString(undefined, { weekday: 'long', month: 'long',
        day: 'numeric' })}`);
      b.addEventListener('click', () => toggle(habit, key, !done.has(key)));
      td.append(b);
      tr.append(td);
    });
    const actions = document.createElement('td');
    actions.className = 'actions';
    const rename = document.createElement('button');
    rename.type = 'button';
    rename.className = 'icon-btn';
    rename.textContent = '✎';
    rename.setAttribute('aria-label', `Rename ${habit.name}`);
    rename.addEventListener('click', () => renameHabit(habit));
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'icon-btn danger';
    del.textContent = '✕';
    del.setAttribute('aria-label', `Delete ${habit.name}`);
    del.addEventListener('click', () => remove(habit));
    actions.append(rename, del);
    tr.append(actions);
    return tr;
  }

  function render() {
    const days = lastDays();
    header(days);
    $('rows').replaceChildren(...habits.map((h) => row(h, days)));
    $('empty').hidden = habits.length > 0;
    const today = iso(new Date());
    const doneToday = habits.filter((h) => h.days.includes(today)).length;
    $('today').textContent = habits.length ? `Today: ${doneToday} of ${habits.length} done` : '';
  }

  function replace(saved) {
    habits = habits.map((h) => (h.id === saved.id ? saved : h));
    render();
  }

  async function toggle(habit, day, on) {
    try {
      replace(await api(on ? 'PUT' : 'DELETE', `api/habits/${habit.id}/days/${day}`));
    } catch (e) {
      notify(e.message, true);
    }
  }

  async function renameHabit(habit) {
    const value = window.prompt('Rename habit', habit.name);
    if (!value || value.trim() === habit.name) return;
    try {
      replace(await api('PATCH', `api/habits/${habit.id}`, { name: value.trim() }));
    } catch (e) {
      notify(e.message, true);
    }
  }

  async function remove(habit) {
    if (!window.confirm(`Delete “${habit.name}” and its history?`)) return;
    try {
      await api('DELETE', `api/habits/${habit.id}`);
      habits = habits.filter((h) => h.id !== habit.id);
      render();
      notify('Habit deleted');
    } catch (e) {
      notify(e.message, true);
    }
  }

  $('add').addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = $('name').value.trim();
    if (!name) return;
    try {
      habits.push(await api('POST', 'api/habits', { name }));
      $('name').value = '';
      render();
    } catch (err) {
      notify(err.message, true);
    }
  });

  (async () => {
    try {
      habits = await api('GET', 'api/habits');
      render();
    } catch {
      $('load-error').hidden = false;
    }
  })();
})();
