// SpawnAI's page: the home view (describe an app, or start from an example) and the app view (conversation,
// progress, preview, code, logs, versions), routed by the URL hash (#/apps/<id>) so a reload restores it.

import { api, session } from './api.js';
import { $, el, toast, confirmDialog, formatLeft, statusWord, statusClass, appName,
  ENDED_STATES } from './ui.js';
import { ChatView } from './chat.js';
import { ProgressView } from './progress.js';
import { Workspace } from './workspace.js';
import { AppList } from './apps.js';
import { loadGallery } from './gallery.js';

const SETTLED = new Set(['LIVE', 'FAILED', 'EXPIRED', 'DESTROYED']);

const chat = new ChatView();
const progress = new ProgressView({ onRetry: () => retry() });
const workspace = new Workspace({ onRestore: (n) => restore(n) });
const appList = new AppList({
  onOpen: (id) => navigate(`#/apps/${id}`),
  onChanged: (app) => { if (app.id === current?.id) showApp(app); },
});

let current = null;    // the app shown: its latest AppView
let source = null;     // its event stream
let refetchTimer = null;
let sending = false;
let downloadUnsupported = false;

// ---- routing ----

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
  closeSidebar();
}

function route() {
  const m = /^#\/apps\/([\w-]+)$/.exec(location.hash);
  if (m) openApp(m[1]);
  else showHome();
}

function showHome() {
  stopStream();
  current = null;
  chat.clear();
  progress.reset();
  workspace.reset();
  appList.highlight(null);
  $('app-view').hidden = true;
  $('home-view').hidden = false;
  document.title = 'SpawnAI';
  placeComposer('home');
}

async function openApp(id) {
  if (current?.id === id && source) return;
  stopStream();
  progress.reset();
  workspace.reset();
  chat.clear();
  $('home-view').hidden = true;
  $('app-view').hidden = false;
  placeComposer('app');
  appList.highlight(id);
  let app;
  try {
    app = await api.getApp(id);
  } catch (e) {
    toast(e.status === 404 ? 'That app does not exist in this browser’s session.' : e.message, 'error');
    navigate('#/');
    return;
  }
  current = null;
  showApp(app);
  loadConversation(app);
  startStream(id);
}

// ---- the app shown ----

function showStatus(status) {
  const badge = $('app-status');
  badge.textContent = statusWord(status);
  badge.className = `badge ${statusClass(status)}`;
}

function showApp(app) {
  const before = current;
  current = app;
  $('app-title').textContent = appName(app);
  document.title = `${appName(app)} · SpawnAI`;
  showStatus(app.status);

  const serving = (app.status === 'LIVE' || app.status === 'UPDATING') && app.url;
  $('url-row').hidden = !serving;
  if (serving) {
    $('app-url').href = app.url;
    $('app-url').textContent = app.url;
    $('app-url').title = app.url;
  }
  const ended = ENDED_STATES.has(app.status);
  $('extend-app').hidden = ended;
  $('destroy-app').hidden = ended;
  $('download-app').hidden = !(app.version > 0) || ended || downloadUnsupported;
  tickTimeLeft();

  if (app.status === 'FAILED') progress.showError(app.error || { step: null }, true);
  else if (app.lastUpdateError && app.status === 'LIVE') {
    progress.showError(app.lastUpdateError, false,
      'The last change failed; the previous version keeps serving');
  } else progress.showError(null);
  if (!before || before.version !== app.version) progress.knownFiles(app.files);

  workspace.update(app);
  appList.put(app);
  updateComposer();
  const settledNow = before && before.status !== app.status && SETTLED.has(app.status);
  if (before && chat.appId === app.id && (settledNow || before.version !== app.version)) loadConversation(app);
}

async function loadConversation(app) {
  try {
    await chat.load(app);
  } catch (e) {
    toast(`Could not load the conversation: ${e.message}`, 'error');
  }
  updateComposer();
}

function tickTimeLeft() {
  const node = $('time-left');
  if (!current || !current.expiresAt || ENDED_STATES.has(current.status)) {
    node.textContent = current && ENDED_STATES.has(current.status) ? 'This app has ended.' : '';
    return;
  }
  const left = formatLeft(Date.parse(current.expiresAt) - Date.now());
  node.textContent = left ? `${left} left` : 'ending…';
}
setInterval(tickTimeLeft, 1000);

// ---- events ----

async function startStream(id) {
  const url = await api.eventsUrl(id);
  if (current?.id !== id) return;
  const es = new EventSource(url);
  source = es;
  let lastSeq = 0;
  es.addEventListener('progress', (msg) => {
    if (source !== es) return;
    const ev = JSON.parse(msg.data);
    if (ev.seq <= lastSeq) return;
    lastSeq = ev.seq;
    progress.onEvent(ev);
    showStatus(ev.status);
    if (current && (ev.status !== current.status || ev.step === 'live' || ev.step === 'extend')) scheduleRefetch();
    if (ENDED_STATES.has(ev.status)) stopStream();
  });
  es.addEventListener('error', () => {
    if (es.readyState === EventSource.CLOSED && source === es) {
      source = null;
      scheduleRefetch();
    }
  });
}

function stopStream() {
  if (source) source.close();
  source = null;
}

function scheduleRefetch() {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(refetch, 50);
}

async function refetch() {
  if (!current) return;
  const id = current.id;
  try {
    const app = await api.getApp(id);
    if (current?.id === id) showApp(app);
  } catch (e) {
    toast(e.message, 'error');
  }
}

// ---- actions ----

async function retry() {
  if (!current) return;
  try {
    workspace.userChose = false;
    progress.newRun();
    showApp(await api.retry(current.id));
    if (!source) startStream(current.id);
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function restore(n) {
  if (!current) return;
  try {
    workspace.userChose = false;
    progress.newRun();
    showApp(await api.restore(current.id, n));
    toast(`Restoring version ${n}…`);
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function extend() {
  if (!current) return;
  try {
    showApp(await api.extend(current.id, 'PT1H'));
    toast(`Extended: the app now lives until ${new Date(current.expiresAt).toLocaleTimeString()}.`);
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function destroy() {
  if (!current) return;
  const name = appName(current);
  if (!await confirmDialog(`Destroy “${name}”?`, 'Its sandbox and URL go away at once. This cannot be undone.',
    'Destroy')) return;
  try {
    showApp(await api.destroy(current.id));
    toast(`${name} was destroyed.`);
  } catch (e) {
    toast(e.message, 'error');
  }
}

async function download() {
  if (!current) return;
  const button = $('download-app');
  button.disabled = true;
  try {
    const res = await api.download(current.id);
    const blob = await res.blob();
    const disposition = res.headers.get('Content-Disposition') || '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || `${current.id}.zip`;
    const a = el('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  } catch (e) {
    if (e.unsupported) {
      downloadUnsupported = true;
      button.hidden = true;
      toast('Download is not available on this server yet.', 'error');
    } else toast(e.message, 'error');
  } finally {
    button.disabled = false;
  }
}

async function copyUrl() {
  const url = current?.url;
  if (!url) return;
  try {
    await navigator.clipboard.writeText(url);
    toast('URL copied.');
  } catch {
    const range = document.createRange();
    range.selectNodeContents($('app-url'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    toast('Press Ctrl+C to copy the selected URL.');
  }
}

// ---- the composer ----

function placeComposer(where) {
  const composer = $('composer');
  const input = $('composer-input');
  const hadFocus = document.activeElement === input;
  $(where === 'home' ? 'home-composer-slot' : 'app-composer-slot').append(composer);
  if (hadFocus) input.focus();
  updateComposer();
}

function updateComposer() {
  const input = $('composer-input');
  const send = $('composer-send');
  let label;
  let placeholder;
  let enabled = true;
  if (!current && $('app-view').hidden) {
    label = 'Describe the app you want';
    placeholder = 'Describe the app you want, e.g. a todo list app';
    send.textContent = 'Create app';
  } else {
    send.textContent = 'Send';
    label = 'Ask for a change';
    placeholder = 'Ask for a change, e.g. make the header blue';
    const status = current?.status;
    if (!chat.supported) {
      enabled = false;
      placeholder = 'Follow-up messages are not available on this server yet — start a new app instead.';
    } else if (ENDED_STATES.has(status)) {
      enabled = false;
      placeholder = 'This app has ended. Start a new app with “New app”.';
    } else if (status === 'FAILED') {
      enabled = false;
      placeholder = 'Press Retry to make the app again, or start a new app.';
    } else if (status !== 'LIVE') {
      enabled = false;
      placeholder = 'Wait until the app is live to ask for changes…';
    }
  }
  $('composer-label').textContent = label;
  input.placeholder = placeholder;
  input.disabled = !enabled;
  send.disabled = !enabled || sending;
}

async function submit(e) {
  e.preventDefault();
  const input = $('composer-input');
  const text = input.value.trim();
  if (!text || sending) return;
  sending = true;
  updateComposer();
  try {
    if (!current) {
      const created = await api.createApp(text);
      input.value = '';
      autoGrow();
      navigate(`#/apps/${created.id}`);
    } else {
      const id = current.id;
      const answer = await api.sendMessage(id, text);
      input.value = '';
      autoGrow();
      chat.addPending(text);
      workspace.userChose = false;
      progress.newRun();
      if (current?.id === id) showApp(answer);
    }
  } catch (err) {
    if (err.unsupported && current) {
      chat.supported = false;
      toast('Follow-up messages are not available on this server yet.', 'error');
    } else {
      toast(err.message, 'error');
    }
  } finally {
    sending = false;
    updateComposer();
    if (!input.disabled) input.focus();
  }
}

function autoGrow() {
  const input = $('composer-input');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 2, window.innerHeight * 0.4)}px`;
}

// ---- the sidebar on narrow screens ----

function closeSidebar() {
  $('sidebar').classList.remove('open');
  $('apps-toggle').setAttribute('aria-expanded', 'false');
}

function toggleSidebar() {
  const open = $('sidebar').classList.toggle('open');
  $('apps-toggle').setAttribute('aria-expanded', String(open));
  if (open) $('sidebar').querySelector('a, button')?.focus();
}

// ---- wiring ----

$('composer').addEventListener('submit', submit);
document.querySelector('.skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  $('composer-input').focus();
});
$('composer-input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});
$('composer-input').addEventListener('input', autoGrow);
$('copy-url').addEventListener('click', copyUrl);
$('extend-app').addEventListener('click', extend);
$('destroy-app').addEventListener('click', destroy);
$('download-app').addEventListener('click', download);
$('apps-toggle').addEventListener('click', toggleSidebar);
$('new-app').addEventListener('click', (e) => {
  e.preventDefault();
  navigate('#/');
  $('composer-input').focus();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && $('sidebar').classList.contains('open')) {
    closeSidebar();
    $('apps-toggle').focus();
  }
});
window.addEventListener('hashchange', route);
setInterval(() => { if (document.visibilityState === 'visible') appList.refresh(); }, 20000);

session().then(() => {
  route();
  appList.refresh();
  loadGallery((prompt) => {
    const input = $('composer-input');
    input.value = prompt;
    autoGrow();
    input.focus();
    input.setSelectionRange(prompt.length, prompt.length);
  });
}).catch((e) => toast(`SpawnAI is not reachable: ${e.message}`, 'error'));
