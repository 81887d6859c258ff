'use strict';
// A stopwatch with laps. Its state (start time, laps) is kept in this browser so a reload does not lose it.
(() => {
  const $ = (id) => document.getElementById(id);
  const TITLE = {{title}};
  const STORE = 'stopwatch-v1';
  const state = { startedAt: null, elapsed: 0, laps: [] };
  let frame = null;

  try {
    Object.assign(state, JSON.parse(localStorage.getItem(STORE)) || {});
  } catch {
    // nothing saved, or storage unavailable
  }

  function persist() {
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch {
      // the stopwatch still works without storage
    }
  }

  const running = () => state.startedAt !== null;
  const total = () => state.elapsed + (running() ? Date.now() - state.startedAt : 0);
  const lapsTotal = () => state.laps.reduce((sum, lap) => sum + lap, 0);

  function format(ms) {
    const cs = Math.floor(ms / 10) % 100;
    const s = Math.floor(ms / 1000) % 60;
    const m = Math.floor(ms / 60000) % 60;
    const h = Math.floor(ms / 3600000);
    const two = (n) => String(n).padStart(2, '0');
    return (h > 0 ? `${h}:${two(m)}` : two(m)) + `:${two(s)}.${two(cs)}`;
  }

  function tick() {
    const now = total();
    $('time').textContent = format(now);
    $('lap-time').textContent = `Lap ${state.laps.length + 1} · ${format(now - lapsTotal())}`;
    document.title = running() ? `${format(now)} · ${TITLE}` : TITLE;
    frame = running() ? requestAnimationFrame(tick) : null;
  }

  function renderLaps() {
    const best = state.laps.length > 1 ? Math.min(...state.laps) : null;
    const worst = state.laps.length > 1 ? Math.max(...state.laps) : null;
    let sum = 0;
    const rows = state.laps.map((lap, i) => {
      sum += lap;
      const tr = document.createElement('tr');
      if (lap === best) tr.className = 'best';
      else if (lap === worst) tr.className = 'worst';
      [`${i + 1}`, format(lap), format(sum)].forEach((text) => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      });
      return tr;
    }).reverse();
    $('laps').replaceChildren(...rows);
    $('no-laps').hidden = state.laps.length > 0;
    $('copy').hidden = state.laps.length === 0;
  }

  function render() {
    $('toggle').textContent = running() ? 'Stop' : total() > 0 ? 'Resume' : 'Start';
    $('lap').disabled = !running();
    $('reset').disabled = running() || total() === 0;
    document.body.classList.toggle('running', running());
    renderLaps();
    if (frame === null) tick();
  }

  function toggle() {
    if (running()) {
      state.elapsed = total();
      state.startedAt = null;
    } else {
      state.startedAt = Date.now();
    }
    persist();
    render();
  }

  function lap() {
    if (!running()) return;
    state.laps.push(total() - lapsTotal());
    persist();
    render();
  }

  function reset() {
    if (running()) return;
    state.elapsed = 0;
    state.laps = [];
    persist();
    render();
  }

  $('toggle').addEventListener('click', toggle);
  $('lap').addEventListener('click', lap);
  $('reset').addEventListener('click', reset);
  $('copy').addEventListener('click', async () => {
    const text = state.laps.map((l, i) => `Lap ${i + 1}\t${format(l)}`).join('\n');
    const toast = $('toast');
    try {
      await navigator.clipboard.writeText(text);
      toast.textContent = 'Laps copied';
    } catch {
      toast.textContent = 'Could not copy';
    }
    toast.classList.add('show');
    setTimeout(() => toast.classList.remove('show'), 2000);
  });
  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.code === 'Space' && e.target.tagName !== 'BUTTON') {
      e.preventDefault();
      toggle();
    } else if (e.key === 'l' || e.key === 'L') {
      lap();
    } else if (e.key === 'r' || e.key === 'R') {
      reset();
    }
  });

  render();
})();
