'use strict';
// A world clock. Times come from the browser's time-zone database (Intl); the city list is kept in this browser.
(() => {
  const $ = (id) => document.getElementById(id);
  const DEFAULT = {{citiesJson|raw}};
  const ALL = {{allCitiesJson|raw}};
  const STORE = 'worldclock-v1';
  let hours = '24';
  let cities = DEFAULT;
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    if (saved && Array.isArray(saved.cities)) cities = saved.cities;
    if (saved && (saved.hours === '12' || saved.hours === '24')) hours = saved.hours;
  } catch {
    // nothing saved
  }

  function persist() {
    try {
      localStorage.setItem(STORE, JSON.stringify({ cities, hours }));
    } catch {
      // works without storage too
    }
  }

  function parts(zone, now) {
    const fmt = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit',
      second: '2-digit', hour12: hours === '12' });
    const date = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', day: 'numeric',
      month: 'short' });
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' })
      .format(now));
    return { time: fmt.format(now), date: date.format(now), hour, offset: offsetMinutes(zone, now) };
  }

  /** Minutes the zone is ahead of UTC at `now`. */
  function offsetMinutes(zone, now) {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    return Math.round((asUtc - Math.floor(now.getTime() / 60000) * 60000) / 60000);
  }

  function difference(minutes) {
    if (minutes === 0) return 'same time as you';
    const sign = minutes > 0 ? '+' : '−';
    const abs = Math.abs(minutes);
    const h = Math.floor(abs / 60);
    const m = abs % 60;
    return `${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''} h from you`;
  }

  function card([name, zone], now, local) {
    const p = parts(zone, now);
    const li = document.createElement('li');
    const night = p.hour < 6 || p.hour >= 19;
    li.className = 'card clock' + (night ? ' night' : '');
    const city = document.createElement('span');
    city.className = 'city';
    city.textContent = `${night ? '🌙' : '☀️'} ${name}`;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = p.time;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = `${p.date} · ${difference(p.offset - local)}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'icon-btn danger remove';
    remove.textContent = '✕';
    remove.setAttribute('aria-label', `Remove ${name}`);
    remove.addEventListener('click', () => {
      cities = cities.filter(([n]) => n !== name);
      persist();
      fillSelect();
      render();
    });
    li.append(city, time, meta, remove);
    return li;
  }

  function render() {
    const now = new Date();
    const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const local = offsetMinutes(localZone, now);
    const here = parts(localZone, now);
    $('here-zone').textContent = localZone.replace(/_/g, ' ');
    $('here-time').textContent = here.time;
    $('here-date').textContent = here.date;
    $('clocks').replaceChildren(...cities.map((c) => card(c, now, local)));
    document.querySelectorAll('[data-hours]').forEach((b) => b.setAttribute('aria-pressed',
      String(b.dataset.hours === hours)));
  }

  function fillSelect() {
    const names = new Set(cities.map(([n]) => n));
    $('city').replaceChildren(...ALL.filter(([n]) => !names.has(n)).map(([name, zone]) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = `${name} (${zone.replace(/_/g, ' ')})`;
      return option;
    }));
  }

  $('add').addEventListener('submit', (e) => {
    e.preventDefault();
    const found = ALL.find(([n]) => n === $('city').value);
    if (!found) return;
    cities = [...cities, found];
    persist();
    fillSelect();
    render();
  });
  $('reset').addEventListener('click', () => {
    cities = DEFAULT;
    persist();
    fillSelect();
    render();
  });
  document.querySelectorAll('[data-hours]').forEach((b) => b.addEventListener('click', () => {
    hours = b.dataset.hours;
    persist();
    render();
  }));

  fillSelect();
  render();
  setInterval(render, 1000);
})();
