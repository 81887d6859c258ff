// Small DOM and formatting helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

let toastTimer;

/** A short message at the bottom of the screen, also read by screen readers. */
export function toast(message, kind = 'info') {
  const t = $('toast');
  t.textContent = message;
  t.dataset.kind = kind;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, kind === 'error' ? 8000 : 3500);
}

/** Says something to screen readers without showing it. */
export function announce(message) {
  $('announcer').textContent = message;
}

/** Asks for confirmation in a modal dialog; resolves true when confirmed. */
export function confirmDialog(title, text, action) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = action;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
  });
}

/** A countdown: "1:05:09", "4:09", "0:12"; null for a past time. */
export function formatLeft(millis) {
  if (millis <= 0) return null;
  const s = Math.floor(millis / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A duration in words for ETAs: "about 3 s", "about 2 min". */
export function formatAbout(millis) {
  const s = Math.max(1, Math.round(millis / 1000));
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export const LIVE_STATES = new Set(['LIVE', 'UPDATING']);
export const ENDED_STATES = new Set(['EXPIRED', 'DESTROYED']);
export const MAKING_STATES = new Set(['QUEUED', 'GENERATING', 'VALIDATING', 'PROVISIONING', 'INSTALLING', 'STARTING']);

const STATUS_WORDS = {
  QUEUED: 'Queued', GENERATING: 'Writing code', VALIDATING: 'Checking', PROVISIONING: 'Preparing sandbox',
  INSTALLING: 'Installing', STARTING: 'Starting', LIVE: 'Live', UPDATING: 'Updating', FAILED: 'Failed',
  EXPIRED: 'Expired', DESTROYED: 'Destroyed',
};

export function statusWord(status) {
  return STATUS_WORDS[status] || status || '…';
}

export function statusClass(status) {
  if (status === 'LIVE') return 'ok';
  if (status === 'FAILED') return 'bad';
  if (ENDED_STATES.has(status)) return 'off';
  return 'busy';
}

/** A short name for an app: its title, else the start of its prompt. */
export function appName(app) {
  if (app.title) return app.title;
  if (app.prompt) return app.prompt.length > 48 ? `${app.prompt.slice(0, 47)}…` : app.prompt;
  return `App ${app.id}`;
}
