'use strict';
// A pomodoro timer. Settings and today's count are kept in this browser (localStorage); nothing is sent anywhere.
(() => {
  const TITLE = {{title}};
  const $ = (id) => document.getElementById(id);
  const LABELS = { focus: 'Time to focus', short: 'Short break', long: 'Long break' };
  const STORE = 'pomodoro-v1';
  const ring = $('progress');
  const circumference = 2 * Math.PI * 90;
  ring.style.strokeDasharray = String(circumference);

  const saved = (() => {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || {};
    } catch {
      return {};
    }
  })();
  const today = new Date().toDateString();
  const state = {
    settings: { focus: 25, short: 5, long: 15, every: 4, sound: true, auto: false, ...saved.settings },
    done: saved.day === today ? saved.done || 0 : 0,
    mode: 'focus',
    remaining: 0,
    endsAt: 0,
    timer: null,
  };

  function persist() {
    try {
      localStorage.setItem(STORE, JSON.stringify({ settings: state.settings, done: state.done, day: today }));
    } catch {
      // storage may be unavailable (private mode); the timer still works
    }
  }

  const total = () => state.settings[state.mode] * 60;
  const format = (s) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

  function draw() {
    const secs = Math.ceil(state.remaining);
    $('time').textContent = format(secs);
    $('label').textContent = LABELS[state.mode];
    ring.style.strokeDashoffset = String(circumference * (1 - state.remaining / total()));
    $('toggle').textContent = state.timer ? 'Pause' : state.remaining < total() ? 'Resume' : 'Start';
    document.body.classList.toggle('running', Boolean(state.timer));
    document.title = state.timer ? `${format(secs)} · ${LABELS[state.mode]}` : TITLE;
    $('sessions').textContent = `${state.done} focus ${state.done === 1 ? 'session' : 'sessions'} today`;
    document.querySelectorAll('[data-mode]').forEach((b) => {
      b.setAttribute('aria-pressed', String(b.dataset.mode === state.mode));
    });
  }

  function setMode(mode) {
    stop();
    state.mode = mode;
    state.remaining = total();
    draw();
  }

  function tick() {
    state.remaining = Math.max(0, (state.endsAt - Date.now()) / 1000);
    if (state.remaining <= 0) finish();
    draw();
  }

  function start() {
    if (state.timer) return;
    state.endsAt = Date.now() + state.remaining * 1000;
    state.timer = setInterval(tick, 250);
    draw();
  }

  function stop() {
    clearInterval(state.timer);
    state.timer = null;
  }

  function beep() {
    if (!state.settings.sound) return;
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35, 0.7].forEach((at) => {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
        gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + at);
        osc.stop(ctx.currentTime + at + 0.32);
      });
    } catch {
      // no audio available
    }
  }

  function finish() {
    stop();
    beep();
    let next;
    if (state.mode === 'focus') {
      state.done += 1;
      persist();
      next = state.done % state.settings.every === 0 ? 'long' : 'short';
    } else {
      next = 'focus';
    }
    $('announce').textContent = `Time is up. Next: ${LABELS[next]}.`;
    setMode(next);
    if (state.settings.auto) start();
  }

  $('toggle').addEventListener('click', () => (state.timer ? (stop(), draw()) : start()));
  $('reset').addEventListener('click', () => setMode(state.mode));
  $('skip').addEventListener('click', finish);
  document.querySelectorAll('[data-mode]').forEach((b) => b.addEventListener('click', () => setMode(b.dataset.mode)));
  document.addEventListener('keydown', (e) => {
    if (e.code === 'Space' && !['INPUT', 'BUTTON', 'SUMMARY'].includes(e.target.tagName)) {
      e.preventDefault();
      $('toggle').click();
    }
  });

  const fields = { focus: 'focus-min', short: 'short-min', long: 'long-min', every: 'long-every' };
  Object.entries(fields).forEach(([key, id]) => {
    const input = $(id);
    input.value = state.settings[key];
    input.addEventListener('change', () => {
      const value = Math.round(Number(input.value));
      if (!Number.isFinite(value) || value < Number(input.min) || value > Number(input.max)) {
        input.value = state.settings[key];
        return;
      }
      state.settings[key] = value;
      persist();
      if (!state.timer && key === state.mode) setMode(state.mode);
    });
  });
  ['sound', 'auto'].forEach((key) => {
    $(key).checked = state.settings[key];
    $(key).addEventListener('change', () => {
      state.settings[key] = $(key).checked;
      persist();
    });
  });

  setMode('focus');
})();
