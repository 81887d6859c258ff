'use strict';
// Draws the game from snake.js on a canvas and steers it with keys, swipes and buttons. Best score is kept in
// this browser.
(() => {
  const $ = (id) => document.getElementById(id);
  const S = window.Snake;
  const SIZE = 20;
  const STORE = 'snake-best-v1';
  const canvas = $('board');
  const ctx = canvas.getContext('2d');
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  let state = S.create(SIZE, SIZE, Math.random);
  let running = false;
  let last = 0;
  let best = 0;
  try {
    best = Number(localStorage.getItem(STORE)) || 0;
  } catch {
    best = 0;
  }

  function fit() {
    const px = Math.round(canvas.clientWidth * (window.devicePixelRatio || 1));
    if (canvas.width !== px) {
      canvas.width = px;
      canvas.height = px;
    }
  }

  function cell(x, y, fill, inset, radius) {
    const c = canvas.width / SIZE;
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.roundRect(x * c + inset, y * c + inset, c - inset * 2, c - inset * 2, radius * c);
    ctx.fill();
  }

  function draw() {
    fit();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (state.food) cell(state.food.x, state.food.y, colour('--danger'), canvas.width / SIZE * 0.15, 0.5);
    const accent = colour('--accent');
    const accent2 = colour('--accent-2');
    state.snake.forEach((c, i) => cell(c.x, c.y, i === 0 ? accent2 : accent, 1, 0.28));
    $('score').textContent = String(state.score);
    $('best').textContent = String(Math.max(best, state.score));
  }

  function overlay(message, button) {
    $('message').textContent = message;
    $('play').textContent = button;
    $('overlay').hidden = false;
  }

  function loop(time) {
    if (!running) return;
    if (time - last >= S.interval(state.score)) {
      last = time;
      S.step(state, Math.random);
      if (state.over) {
        running = false;
        if (state.score > best) {
          best = state.score;
          try {
            localStorage.setItem(STORE, String(best));
          } catch {
            // best score not kept
          }
        }
        draw();
        overlay(state.food === null ? `You filled the board! Score ${state.score}` : `Game over — score ${state.score}`,
          'Play again');
        return;
      }
      draw();
    }
    requestAnimationFrame(loop);
  }

  function play() {
    if (state.over) state = S.create(SIZE, SIZE, Math.random);
    running = true;
    $('overlay').hidden = true;
    last = performance.now();
    requestAnimationFrame(loop);
  }

  function pause() {
    if (running) {
      running = false;
      overlay('Paused', 'Resume');
    } else {
      play();
    }
  }

  const KEYS = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', w: 'up', s: 'down',
    a: 'left', d: 'right', W: 'up', S: 'down', A: 'left', D: 'right' };
  document.addEventListener('keydown', (e) => {
    if (e.code === 'Space') {
      e.preventDefault();
      pause();
    } else if (KEYS[e.key]) {
      e.preventDefault();
      S.turn(state, KEYS[e.key]);
      if (!running && !state.over && $('overlay').hidden === false && $('play').textContent === 'Play') play();
    }
  });
  document.querySelectorAll('[data-dir]').forEach((b) => b.addEventListener('click', () => {
    S.turn(state, b.dataset.dir);
    if (!running) play();
  }));
  $('pause').addEventListener('click', pause);
  $('play').addEventListener('click', play);
  $('overlay').addEventListener('click', (e) => {
    if (e.target === $('overlay')) play();
  });
  let touch = null;
  canvas.parentElement.addEventListener('touchstart', (e) => {
    touch = { x: e.touches[0].clientX, y: e.touches[0].clientY };
  }, { passive: true });
  canvas.parentElement.addEventListener('touchend', (e) => {
    if (!touch) return;
    const dx = e.changedTouches[0].clientX - touch.x;
    const dy = e.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < 24) return;
    S.turn(state, Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : (dy > 0 ? 'down' : 'up'));
    if (!running && !state.over) play();
  });
  window.addEventListener('resize', draw);
  draw();
})();
