// Added to the page before its own scripts run, for the step-change benchmark. All times are wall-clock
// milliseconds (performance.timeOrigin + performance.now(), sub-millisecond), comparable with the server's event
// times because both run on this machine.
//  - __bench.dom: every change of a pipeline step's data-state (pending/current/done/failed) in the progress view,
//    seen by a MutationObserver (t), and the next animation frame after it (frame).
//  - __bench.opens: when each EventSource the page opens gets its response (the page's own stream), so events can
//    be told apart: emitted after the stream opened (delivered live) or before (replayed from history).
//  - __bench.own: the baseline, an EventSource of the bench itself on the same app's events URL, opened as soon as
//    the page navigates to the app; __bench.es holds its messages with their arrival time.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { dom: [], es: [], opens: [], own: null };
  window.__bench = bench;

  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('open', () => bench.opens.push({ url: String(url), t: now() }));
    }
  };

  addEventListener('hashchange', () => {
    const m = /^#\/apps\/([\w-]+)$/.exec(location.hash);
    if (!m || bench.own) return;
    const token = localStorage.getItem('spawnai.token');
    const es = new NativeEventSource(`/api/v1/apps/${m[1]}/events?access_token=${encodeURIComponent(token)}`);
    bench.own = { app: m[1], open: null };
    es.addEventListener('open', () => { if (bench.own.open == null) bench.own.open = now(); });
    es.addEventListener('progress', (msg) => {
      const t = now();
      const ev = JSON.parse(msg.data);
      bench.es.push({ seq: ev.seq, step: ev.step, status: ev.status, time: ev.time, t });
    });
  });

  addEventListener('DOMContentLoaded', () => {
    const steps = document.getElementById('steps');
    if (!steps) return;
    new MutationObserver((records) => {
      const t = now();
      for (const r of records) {
        const state = r.target.dataset.state;
        if (r.oldValue === state) continue; // renderSteps() rewrites every item on every event
        const rec = { step: r.target.dataset.step, state, t, frame: null };
        bench.dom.push(rec);
        requestAnimationFrame(() => { rec.frame = now(); });
      }
    }).observe(steps, { subtree: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  });
})();
