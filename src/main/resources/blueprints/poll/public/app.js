'use strict';
// Votes through POST api/votes and polls GET api/poll every few seconds. This browser's vote is remembered in
// localStorage. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  const STORE = `poll-vote-v1-${location.host}`;
  let mine = null;
  let changing = false;
  let poll = null;
  let toastTimer;
  try {
    mine = localStorage.getItem(STORE);
  } catch {
    mine = null;
  }

  async function api(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
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

  function render() {
    const voted = mine !== null && !changing && poll.options.some((o) => o.option === mine);
    const top = Math.max(...poll.options.map((o) => o.votes));
    $('options').replaceChildren(...poll.options.map((o) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'option' + (voted && o.option === mine ? ' mine' : '') + (voted && o.votes === top && top > 0
        ? ' leader' : '');
      b.disabled = voted;
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = voted ? `${o.percent}%` : '0';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = o.option;
      const pct = document.createElement('span');
      pct.className = 'pct';
      pct.textContent = voted ? `${o.percent}% · ${o.votes}` : '';
      b.append(fill, label, pct);
      b.addEventListener('click', () => vote(o.option));
      return b;
    }));
    $('total').textContent = voted || changing ? `${poll.total} ${poll.total === 1 ? 'vote' : 'votes'} so far`
      : 'Pick one to see the results.';
    $('change').hidden = !voted;
  }

  async function vote(option) {
    try {
      const previous = poll && poll.options.some((o) => o.option === mine) ? mine : null;
      poll = await api('POST', 'api/votes', { option, previous });
      mine = option;
      changing = false;
      try {
        localStorage.setItem(STORE, option);
      } catch {
        // remembered for this visit only
      }
      render();
      notify('Thanks for voting!');
    } catch (e) {
      notify(e.message, true);
    }
  }

  async function refresh() {
    try {
      poll = await api('GET', 'api/poll');
      $('load-error').hidden = true;
      render();
    } catch {
      $('load-error').hidden = false;
    }
  }

  $('change').addEventListener('click', () => {
    changing = true;
    render();
  });

  refresh();
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, 3000);
})();
