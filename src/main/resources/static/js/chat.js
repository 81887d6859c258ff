// The conversation of one app: kept on the server (GET /apps/{id}/messages) and restored on reload. Servers
// without that endpoint get a conversation made from the app itself: its prompt and its outcome.

import { api } from './api.js';
import { $, el, formatTime, MAKING_STATES } from './ui.js';
import { renderMessage } from './markup.js';
import { stepLabel } from './progress.js';

export class ChatView {
  constructor() {
    this.list = $('messages');
    this.supported = true;
    this.appId = null;
    this.loadSeq = 0;
  }

  clear() {
    this.appId = null;
    this.list.replaceChildren();
  }

  /** Shows the conversation of an app; follow-ups need the messages endpoint. */
  async load(app) {
    const seq = ++this.loadSeq;
    let messages = null;
    if (this.supported) {
      try {
        messages = await api.messages(app.id);
      } catch (e) {
        if (!e.unsupported) throw e;
        this.supported = false;
      }
    }
    if (seq !== this.loadSeq) return;
    if (!messages) messages = synthesize(app);
    this.appId = app.id;
    this.list.replaceChildren(...messages.map(item));
    if (MAKING_STATES.has(app.status) || app.status === 'UPDATING') this.list.append(working());
    this.scroll();
  }

  /** Shows a message the user just sent, before the server has answered. */
  addPending(text) {
    this.list.querySelector('.working')?.remove();
    this.list.append(item({ role: 'user', text, time: new Date().toISOString() }), working());
    this.scroll();
  }

  scroll() {
    const last = this.list.lastElementChild;
    if (last) last.scrollIntoView({ block: 'end' });
  }
}

function item(m) {
  const user = m.role === 'user';
  return el('li', { class: `message ${user ? 'from-user' : 'from-assistant'}` },
    el('div', { class: 'message-meta' },
      el('span', { class: 'message-who', text: user ? 'You' : 'SpawnAI' }),
      m.version ? el('span', { class: 'message-version', text: `v${m.version}` }) : null,
      m.time ? el('time', { datetime: m.time, text: formatTime(m.time) }) : null),
    el('div', { class: 'message-body' }, renderMessage(m.text || '')));
}

function working() {
  return el('li', { class: 'message from-assistant working' },
    el('div', { class: 'message-body' }, el('p', { class: 'muted', text: 'Working on it — see the progress on the right.' })));
}

function synthesize(app) {
  const out = [];
  if (app.prompt) out.push({ role: 'user', text: app.prompt, time: app.createdAt });
  let reply = null;
  if (app.status === 'LIVE' || app.status === 'UPDATING') {
    reply = `${app.title ? `**${app.title}** is live` : 'Your app is live'} at ${app.url}`
      + (app.files?.length ? `\n\nFiles: ${app.files.map((f) => `\`${f}\``).join(', ')}` : '');
  } else if (app.status === 'FAILED') {
    reply = `I could not make this app: it failed at step “${stepLabel(app.error?.step)}”.`
      + (app.error?.message ? `\n\n\`\`\`\n${app.error.message}\n\`\`\`` : '')
      + '\n\nPress **Retry** to try again.';
  } else if (app.status === 'EXPIRED' || app.status === 'DESTROYED') {
    reply = `This app has ${app.status === 'EXPIRED' ? 'expired' : 'been destroyed'}.`;
  }
  if (reply) out.push({ role: 'assistant', text: reply, version: app.version || undefined });
  return out;
}
