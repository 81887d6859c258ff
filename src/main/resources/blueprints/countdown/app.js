'use strict';
// A countdown. The target comes from the prompt (a date, a yearly day or a duration); a date picked on this page
// is kept in this browser and can be reset to the original.
(() => {
  const $ = (id) => document.getElementById(id);
  const TITLE = {{title}};
  const EVENT = {{eventName}};
  const TARGET = {{targetJson|raw}};
  const STORE = 'countdown-v1';
  const two = (n) => String(n).padStart(2, '0');
  let custom = null;
  let timer = null;
  // duration mode: remaining milliseconds while paused, or the end time while running
  const clock = { endsAt: null, remaining: (TARGET.seconds || 0) * 1000 };

  try {
    custom = JSON.parse(localStorage.getItem(STORE));
  } catch {
    custom = null;
  }

  /** The next occurrence of month/day (today counts until midnight passes). */
  function nextYearly(month, day, now) {
    let when = new Date(now.getFullYear(), month - 1, day);
    if (when.getTime() + 86400000 <= now.getTime()) when = new Date(now.getFullYear() + 1, month - 1, day);
    return when;
  }

  function target(now) {
    if (custom && custom.date) {
      const [y, m, d] = custom.date.split('-').map(Number);
      const [hh, mm] = (custom.time || '00:00').split(':').map(Number);
      return { when: new Date(y, m - 1, d, hh, mm), event: custom.event || '' };
    }
    if (TARGET.kind === 'date') {
      const [y, m, d] = TARGET.date.split('-').map(Number);
      return { when: new Date(y, m - 1, d, TARGET.hour, TARGET.minute), event: EVENT };
    }
    if (TARGET.kind === 'yearly') return { when: nextYearly(TARGET.month, TARGET.day, now), event: EVENT };
    return null;
  }

  function show(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    $('days').textContent = String(Math.floor(total / 86400));
    $('hours').textContent = two(Math.floor(total / 3600) % 24);
    $('minutes').textContent = two(Math.floor(total / 60) % 60);
    $('seconds').textContent = two(total % 60);
    $('done').hidden = ms > 0;
  }

  function tickDate() {
    const now = new Date();
    const t = target(now);
    if (!t) {
      $('target-line').textContent = 'Pick a date below to start counting down.';
      $('settings').open = true;
      show(1);
      return;
    }
    const left = t.when.getTime() - now.getTime();
    const label = t.when.toLocaleString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
      hour: t.when.getHours() || t.when.getMinutes() ? '2-digit' : undefined,
      minute: t.when.getHours() || t.when.getMinutes() ? '2-digit' : undefined });
    $('target-line').textContent = (t.event ? `${t.event} · ` : '') + label;
    $('heading').textContent = custom && custom.date ? (t.event ? `Countdown to ${t.event}` : 'Countdown') : TITLE;
    show(left);
    const span = 365 * 86400000;
    $('progress').style.width = `${Math.max(0, Math.min(100, 100 - (left / span) * 100))}%`;
  }

  function tickDuration() {
    const left = clock.endsAt === null ? clock.remaining : clock.endsAt - Date.now();
    show(left);
    $('progress').style.width = `${100 - (Math.max(0, left) / (TARGET.seconds * 1000)) * 100}%`;
    if (left <= 0 && clock.endsAt !== null) {
      clock.endsAt = null;
      clock.remaining = 0;
      $('start').textContent = 'Start';
    }
    document.title = clock.endsAt !== null ? `${$('minutes').textContent}:${$('seconds').textContent} · ${TITLE}`
      : TITLE;
  }

  function startDuration() {
    if (clock.endsAt !== null) {
      clock.remaining = clock.endsAt - Date.now();
      clock.endsAt = null;
      $('start').textContent = 'Resume';
    } else {
      if (clock.remaining <= 0) clock.remaining = TARGET.seconds * 1000;
      clock.endsAt = Date.now() + clock.remaining;
      $('start').textContent = 'Pause';
    }
    tickDuration();
  }

  if (TARGET.kind === 'duration' && !(custom && custom.date)) {
    $('timer-controls').hidden = false;
    const sec = TARGET.seconds;
    const parts = [[Math.floor(sec / 86400), 'd'], [Math.floor(sec / 3600) % 24, 'h'], [Math.floor(sec / 60) % 60, 'min'],
      [sec % 60, 's']].filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
    $('target-line').textContent = `${parts.join(' ')} timer`;
    $('start').addEventListener('click', startDuration);
    $('restart').addEventListener('click', () => {
      clock.endsAt = null;
      clock.remaining = TARGET.seconds * 1000;
      $('start').textContent = 'Start';
      tickDuration();
    });
    timer = setInterval(tickDuration, 200);
    tickDuration();
  } else {
    timer = setInterval(tickDate, 250);
    tickDate();
  }

  const now = target(new Date());
  if (now) {
    const w = now.when;
    $('date').value = `${w.getFullYear()}-${two(w.getMonth() + 1)}-${two(w.getDate())}`;
    $('time').value = `${two(w.getHours())}:${two(w.getMinutes())}`;
    $('event').value = now.event;
  }

  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!$('date').value) return;
    custom = { event: $('event').value.trim(), date: $('date').value, time: $('time').value || '00:00' };
    try {
      localStorage.setItem(STORE, JSON.stringify(custom));
    } catch {
      // kept for this visit only
    }
    clearInterval(timer);
    $('timer-controls').hidden = true;
    timer = setInterval(tickDate, 250);
    tickDate();
  });

  $('default').addEventListener('click', () => {
    try {
      localStorage.removeItem(STORE);
    } catch {
      // nothing stored
    }
    window.location.reload();
  });
})();
