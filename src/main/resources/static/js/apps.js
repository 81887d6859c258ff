// "My apps": every app of this browser's session, newest first, with its status, the time it has left as a
// live countdown, and Open, Extend and Destroy (after a confirmation).

import { api } from './api.js';
import { $, el, toast, confirmDialog, formatLeft, statusWord, statusClass, appName, ENDED_STATES } from './ui.js';

export class AppList {
  constructor({ onOpen, onChanged }) {
    this.onOpen = onOpen;
    this.onChanged = onChanged;
    this.apps = [];
    this.currentId = null;
    this.countdowns = [];
    setInterval(() => this.tick(), 1000);
    $('apps-refresh').addEventListener('click', () => this.refresh());
  }

  async refresh() {
    try {
      this.apps = await api.listApps();
    } catch (e) {
      toast(`Could not list your apps: ${e.message}`, 'error');
      return;
    }
    this.render();
  }

  /** One app changed (from its page): update its row without a round trip. */
  put(app) {
    const at = this.apps.findIndex((a) => a.id === app.id);
    if (at >= 0) this.apps[at] = app;
    else this.apps.unshift(app);
    this.render();
  }

  highlight(id) {
    this.currentId = id;
    for (const li of $('app-list').children) {
      if (li.dataset.id === id) li.setAttribute('aria-current', 'page');
      else li.removeAttribute('aria-current');
    }
  }

  render() {
    const focused = document.activeElement?.closest?.('#app-list li');
    const refocus = focused ? [focused.dataset.id, document.activeElement.dataset.action] : null;
    this.countdowns = [];
    const rows = this.apps.map((app) => this.row(app));
    $('app-list').replaceChildren(...rows);
    $('apps-empty').hidden = this.apps.length > 0;
    this.highlight(this.currentId);
    this.tick();
    if (refocus) {
      $('app-list').querySelector(`li[data-id="${CSS.escape(refocus[0])}"] [data-action="${refocus[1]}"]`)?.focus();
    }
  }

  row(app) {
    const name = appName(app);
    const ended = ENDED_STATES.has(app.status);
    const left = el('span', { class: 'countdown' });
    if (!ended && app.expiresAt) this.countdowns.push([left, Date.parse(app.expiresAt)]);
    else left.textContent = ended ? 'ended' : '';
    return el('li', { class: 'app-item', 'data-id': app.id, 'data-status': app.status },
      el('a', { class: 'app-open', href: `#/apps/${app.id}`, 'data-action': 'open',
        onclick: (e) => { e.preventDefault(); this.onOpen(app.id); } },
        el('span', { class: 'app-name', text: name }),
        el('span', { class: 'app-meta' },
          el('span', { class: `badge small ${statusClass(app.status)}`, text: statusWord(app.status) }),
          left)),
      ended ? null : el('div', { class: 'app-item-actions' },
        el('button', { type: 'button', class: 'button small', 'data-action': 'extend', text: 'Extend',
          'aria-label': `Extend ${name} by one hour`, onclick: () => this.extend(app) }),
        el('button', { type: 'button', class: 'button small danger', 'data-action': 'destroy', text: 'Destroy',
          'aria-label': `Destroy ${name}`, onclick: () => this.destroy(app) })));
  }

  tick() {
    const now = Date.now();
    for (const [node, deadline] of this.countdowns) {
      const text = formatLeft(deadline - now);
      node.textContent = text ? `${text} left` : 'ending…';
    }
  }

  async extend(app) {
    try {
      const updated = await api.extend(app.id, 'PT1H');
      this.put(updated);
      this.onChanged(updated);
      toast(`${appName(updated)} now lives until ${new Date(updated.expiresAt).toLocaleTimeString()}.`);
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  async destroy(app) {
    const name = appName(app);
    const ok = await confirmDialog(`Destroy “${name}”?`,
      'Its sandbox and URL go away at once. This cannot be undone.', 'Destroy');
    if (!ok) return;
    try {
      const updated = await api.destroy(app.id);
      this.put(updated);
      this.onChanged(updated);
      toast(`${name} was destroyed.`);
    } catch (e) {
      toast(e.message, 'error');
    }
  }
}
