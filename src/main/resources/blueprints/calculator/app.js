'use strict';
// A calculator with its own small expression parser (no eval). History stays in this browser (localStorage).
(() => {
  const $ = (id) => document.getElementById(id);
  const STORE = 'calculator-history-v1';
  const OPS = { '+': '+', '-': '−', '*': '×', '/': '÷', 'x': '×' };
  let expr = '';
  let justEvaluated = false;
  let history = [];
  try {
    history = JSON.parse(localStorage.getItem(STORE)) || [];
  } catch {
    history = [];
  }

  /** Parses and evaluates: numbers, + − × ÷, % (percent of), unary minus, brackets. Throws on bad input. */
  function evaluate(text) {
    const tokens = text.match(/\d*\.?\d+(?:e[+-]?\d+)?|\d+\.|[+−×÷%()]/g) || [];
    if (tokens.join('') !== text.replace(/\s+/g, '')) throw new Error('Invalid expression');
    let i = 0;
    const peek = () => tokens[i];
    const next = () => tokens[i++];
    function primary() {
      const t = next();
      if (t === undefined) throw new Error('Incomplete expression');
      if (t === '(') {
        const v = sum();
        if (next() !== ')') throw new Error('Missing )');
        return v;
      }
      if (t === '−') return -unary();
      if (t === '+') return unary();
      const n = Number(t);
      if (Number.isNaN(n)) throw new Error('Invalid expression');
      return n;
    }
    function unary() {
      let v = primary();
      while (peek() === '%') {
        next();
        v /= 100;
      }
      return v;
    }
    function product() {
      let v = unary();
      while (peek() === '×' || peek() === '÷' || peek() === '(') {
        const op = peek() === '(' ? '×' : next();
        const r = unary();
        if (op === '÷' && r === 0) throw new Error('Cannot divide by zero');
        v = op === '×' ? v * r : v / r;
      }
      return v;
    }
    function sum() {
      let v = product();
      while (peek() === '+' || peek() === '−') {
        const op = next();
        v = op === '+' ? v + product() : v - product();
      }
      return v;
    }
    const value = sum();
    if (i !== tokens.length) throw new Error('Invalid expression');
    if (!Number.isFinite(value)) throw new Error('Result too large');
    return Number.parseFloat(value.toPrecision(12));
  }

  function format(n) {
    const abs = Math.abs(n);
    if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(8).replace(/\.?0+e/, 'e');
    return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
  }

  function render(preview) {
    $('expression').textContent = expr;
    const result = $('result');
    result.classList.remove('error');
    if (preview !== undefined) {
      result.textContent = preview;
      return;
    }
    try {
      result.textContent = expr ? format(evaluate(expr)) : '0';
    } catch {
      result.textContent = result.textContent || '0';
    }
  }

  function insert(token) {
    if (justEvaluated && /[\d.(]/.test(token)) expr = '';
    justEvaluated = false;
    const last = expr.slice(-1);
    if ('+−×÷'.includes(token) && '+−×÷'.includes(last) && last !== '') {
      if (!(token === '−' && '×÷'.includes(last))) expr = expr.slice(0, -1);
    }
    if (token === '.') {
      const current = expr.split(/[+−×÷()%]/).pop();
      if (current.includes('.')) return;
      if (current === '') token = '0.';
    }
    if (expr.length >= 120) return;
    expr += token;
    render();
  }

  function equals() {
    if (!expr) return;
    try {
      const value = evaluate(expr);
      history.unshift({ expr, value });
      history = history.slice(0, 20);
      saveHistory();
      $('expression').textContent = expr + ' =';
      expr = value < 0 ? '−' + String(-value) : String(value);
      justEvaluated = true;
      $('result').textContent = format(value);
      $('result').classList.remove('error');
      renderHistory();
    } catch (e) {
      $('result').textContent = e.message;
      $('result').classList.add('error');
    }
  }

  function saveHistory() {
    try {
      localStorage.setItem(STORE, JSON.stringify(history));
    } catch {
      // storage may be unavailable; history then lasts for this visit
    }
  }

  function renderHistory() {
    $('history').replaceChildren(...history.map((h) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      const e = document.createElement('span');
      e.className = 'expr';
      e.textContent = h.expr + ' =';
      const v = document.createElement('span');
      v.className = 'val';
      v.textContent = format(h.value);
      b.append(e, v);
      b.setAttribute('aria-label', `Use ${h.expr} = ${format(h.value)}`);
      b.addEventListener('click', () => {
        expr = h.expr;
        justEvaluated = false;
        render();
      });
      li.append(b);
      return li;
    }));
    $('history-empty').hidden = history.length > 0;
  }

  function act(action) {
    if (action === 'clear') {
      expr = '';
      justEvaluated = false;
      render('0');
    } else if (action === 'back') {
      expr = justEvaluated ? '' : expr.slice(0, -1);
      justEvaluated = false;
      render();
    } else if (action === 'equals') {
      equals();
    }
  }

  $('keys').addEventListener('click', (e) => {
    const key = e.target.closest('.key');
    if (!key) return;
    if (key.dataset.insert) insert(key.dataset.insert);
    else act(key.dataset.action);
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    if (/^[0-9.()%]$/.test(e.key)) insert(e.key);
    else if (OPS[e.key]) insert(OPS[e.key]);
    else if (e.key === 'Enter' || e.key === '=') act('equals');
    else if (e.key === 'Backspace') act('back');
    else if (e.key === 'Escape' || e.key === 'Delete') act('clear');
    else handled = false;
    if (handled) e.preventDefault();
  });

  $('clear-history').addEventListener('click', () => {
    history = [];
    saveHistory();
    renderHistory();
  });

  renderHistory();
  render();
})();
