'use strict';
// Converts as you type, in both directions. Conversion tables are in units.js.
(() => {
  const $ = (id) => document.getElementById(id);
  const { CATEGORIES, convert, pretty } = window.Units;
  const START = {{category}};
  let category = CATEGORIES[START] ? START : 'length';

  function options(select, chosen) {
    select.replaceChildren(...Object.entries(CATEGORIES[category].units).map(([key, [label]]) => {
      const o = document.createElement('option');
      o.value = key;
      o.textContent = label;
      o.selected = key === chosen;
      return o;
    }));
  }

  function update(source) {
    const from = $('from-unit').value;
    const to = $('to-unit').value;
    if (source === 'to') {
      const v = Number.parseFloat($('to-value').value);
      $('from-value').value = Number.isFinite(v) ? pretty(convert(category, v, to, from)) : '';
    } else {
      const v = Number.parseFloat($('from-value').value);
      $('to-value').value = Number.isFinite(v) ? pretty(convert(category, v, from, to)) : '';
    }
    const value = Number.parseFloat($('from-value').value);
    const units = CATEGORIES[category].units;
    $('formula').textContent = Number.isFinite(value)
      ? `${pretty(value)} ${units[from][0].toLowerCase()} = ${pretty(convert(category, value, from, to))} `
        + `${units[to][0].toLowerCase()}` : '';
    $('all').replaceChildren(...Object.entries(units).map(([key, [label]]) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = label;
      const result = document.createElement('td');
      result.textContent = Number.isFinite(value) ? pretty(convert(category, value, from, key)) : '—';
      tr.append(name, result);
      return tr;
    }));
  }

  function choose(next) {
    category = next;
    const [a, b] = CATEGORIES[category].defaults;
    options($('from-unit'), a);
    options($('to-unit'), b);
    document.querySelectorAll('#categories button').forEach((btn) => btn.setAttribute('aria-pressed',
      String(btn.dataset.category === category)));
    update('from');
  }

  $('categories').replaceChildren(...Object.entries(CATEGORIES).map(([key, c]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.category = key;
    b.textContent = c.label;
    b.addEventListener('click', () => choose(key));
    return b;
  }));
  $('from-value').addEventListener('input', () => update('from'));
  $('to-value').addEventListener('input', () => update('to'));
  $('from-unit').addEventListener('change', () => update('from'));
  $('to-unit').addEventListener('change', () => update('from'));
  $('swap').addEventListener('click', () => {
    const from = $('from-unit').value;
    $('from-unit').value = $('to-unit').value;
    $('to-unit').value = from;
    update('from');
  });

  choose(category);
})();
