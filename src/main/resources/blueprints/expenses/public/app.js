'use strict';
// Month by month: totals, budget, categories and the list, through the API under api/. Text via textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  let settings = { currency: 'USD', categories: [], budget: 0 };
  let current = new Date();
  let expenses = [];
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
  const monthKey = () => `${current.getFullYear()}-${two(current.getMonth() + 1)}`;
  const money = (n) => new Intl.NumberFormat(undefined, { style: 'currency', currency: settings.currency }).format(n);

  function render(summary) {
    $('month').textContent = current.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
    $('total').textContent = money(summary.total);
    $('count').textContent = `${summary.count} ${summary.count === 1 ? 'expense' : 'expenses'}`;
    $('budget').hidden = !(settings.budget > 0);
    if (settings.budget > 0) {
      const used = Math.min(100, (summary.total / settings.budget) * 100);
      $('budget-fill').style.width = `${used}%`;
      $('budget-text').textContent = summary.left >= 0 ? `${money(summary.left)} left of ${money(settings.budget)}`
        : `${money(-summary.left)} over the ${money(settings.budget)} budget`;
    }
    const max = Math.max(1, ...Object.values(summary.byCategory));
    $('categories').replaceChildren(...Object.entries(summary.byCategory)
      .sort((a, b) => b[1] - a[1])
      .map(([name, value]) => {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = name;
        const track = document.createElement('span');
        track.className = 'track';
        const fill = document.createElement('span');
        fill.className = 'fill';
        fill.style.display = 'block';
        fill.style.width = `${(value / max) * 100}%`;
        track.append(fill);
        const amount = document.createElement('span');
        amount.className = 'amount';
        amount.textContent = money(value);
        li.append(label, track, amount);
        return li;
      }));
    $('list').replaceChildren(...expenses.map((e) => {
      const li = document.createElement('li');
      const date = document.createElement('span');
      date.className = 'date';
      const [y, m, d] = e.date.split('-').map(Number);
      date.textContent = new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
      const what = document.createElement('span');
      what.className = 'what';
      const cat = document.createElement('span');
      cat.className = 'badge';
      cat.textContent = e.category;
      what.append(cat, e.note || '');
      const amount = document.createElement('span');
      amount.className = 'amount';
      amount.textContent = money(e.amount);
      const del = document.createElement('button');
      del.type = 'button';
      del.className = 'icon-btn danger';
      del.textContent = '✕';
      del.setAttribute('aria-label', `Delete ${e.category} ${money(e.amount)}`);
      del.addEventListener('click', () => remove(e));
      li.append(date, what, amount, del);
      return li;
    }));
    $('empty').hidden = expenses.length > 0;
  }

  async function load() {
    try {
      const [list, summary] = await Promise.all([api('GET', `api/expenses?month=${monthKey()}`),
        api('GET', `api/summary?month=${monthKey()}`)]);
      expenses = list;
      render(summary);
    } catch (e) {
      notify(`Could not load expenses: ${e.message}`, true);
    }
  }

  async function remove(e) {
    try {
      await api('DELETE', `api/expenses/${e.id}`);
      notify('Expense deleted');
      load();
    } catch (err) {
      notify(err.message, true);
    }
  }

  function csvCell(v) {
    const s = String(v);
    return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  $('csv').addEventListener('click', () => {
    const rows = [['date', 'category', 'note', 'amount', 'currency'],
      ...expenses.map((e) => [e.date, e.category, e.note, e.amount, settings.currency])];
    const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `expenses-${monthKey()}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
  });

  $('prev').addEventListener('click', () => {
    current = new Date(current.getFullYear(), current.getMonth() - 1, 1);
    load();
  });
  $('next').addEventListener('click', () => {
    current = new Date(current.getFullYear(), current.getMonth() + 1, 1);
    load();
  });

  $('add').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const saved = await api('POST', 'api/expenses', { amount: Number($('amount').value),
        category: $('category').value, date: $('date').value, note: $('note').value });
      $('amount').value = '';
      $('note').value = '';
      const [y, m] = saved.date.split('-').map(Number);
      current = new Date(y, m - 1, 1);
      notify(`Added ${money(saved.amount)}`);
      load();
      $('amount').focus();
    } catch (err) {
      notify(err.message, true);
    }
  });

  (async () => {
    try {
      settings = await api('GET', 'api/settings');
    } catch (e) {
      notify('Could not reach the server', true);
      return;
    }
    $('category').replaceChildren(...settings.categories.map((c) => {
      const o = document.createElement('option');
      o.textContent = c;
      return o;
    }));
    const now = new Date();
    $('date').value = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    load();
  })();
})();
