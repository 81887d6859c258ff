// The tabs beside the chat: Progress, Preview (the app in a frame, from its own origin), Code (file tree and
// highlighted source), Logs and Versions (with restore). Tabs follow the WAI-ARIA tabs pattern: arrow keys,
// Home and End move between them; Tab goes into the panel.

import { api } from './api.js';
import { $, el, toast, formatDateTime } from './ui.js';
import { highlight, languageOf } from './highlight.js';

const TABS = ['progress', 'preview', 'code', 'logs', 'versions'];
const ENTRY_FILES = ['index.html', 'public/index.html', 'server.js', 'app.py', 'main.py', 'index.js', 'app.js'];

export class Workspace {
  constructor({ onRestore }) {
    this.onRestore = onRestore;
    this.app = null;
    this.current = 'progress';
    this.userChose = false;
    this.filesSupported = true;
    this.versionsSupported = null; // unknown until the server has been asked once
    this.codeVersion = null;
    this.codeLoadedFor = null;
    this.selectedPath = null;
    this.setUpTabs();
    $('preview-reload').addEventListener('click', () => this.reloadPreview());
    $('logs-refresh').addEventListener('click', () => this.loadLogs());
  }

  setUpTabs() {
    const tabs = $('tabs');
    tabs.addEventListener('click', (e) => {
      const tab = e.target.closest('[role=tab]');
      if (tab) this.select(tab.id.slice(4), true);
    });
    tabs.addEventListener('keydown', (e) => {
      const visible = TABS.filter((t) => !$(`tab-${t}`).hidden);
      const at = visible.indexOf(this.current);
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: visible.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const name = visible[(to + visible.length) % visible.length];
      this.select(name, true);
      $(`tab-${name}`).focus();
    });
  }

  /** Shows a tab; a tab the user picked is not switched away from automatically. */
  select(name, byUser = false) {
    if (byUser) this.userChose = true;
    this.current = name;
    for (const t of TABS) {
      const on = t === name;
      const tab = $(`tab-${t}`);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(`panel-${t}`).hidden = !on;
    }
    if (name === 'logs') this.loadLogs();
    if (name === 'versions') this.loadVersions();
    if (name === 'code') this.loadCode();
  }

  /** Another app is shown: forget the previous one's views. */
  reset() {
    this.app = null;
    this.userChose = false;
    this.codeLoadedFor = null;
    this.codeVersion = null;
    this.selectedPath = null;
    $('preview').removeAttribute('src');
    $('logs').textContent = '';
    $('versions').replaceChildren();
    $('file-tree').replaceChildren();
    $('file-content').replaceChildren();
    $('file-name').textContent = '';
    this.select('progress');
  }

  /** The app changed (status, version, url). */
  update(app) {
    const previous = this.app;
    this.app = app;
    const serving = (app.status === 'LIVE' || app.status === 'UPDATING') && app.url;
    $('tab-preview').hidden = !serving;
    $('tab-code').hidden = !(app.version > 0 || app.files?.length);
    $('tab-logs').hidden = !app.version && app.status !== 'FAILED';
    $('tab-versions').hidden = this.versionsSupported !== true || !(app.version > 0);
    if (this.versionsSupported === null && app.version > 0) this.loadVersions();
    if (serving) {
      const frame = $('preview');
      const newVersion = previous && previous.version !== app.version;
      if (frame.getAttribute('src') !== app.url) frame.src = app.url;
      else if (newVersion) this.reloadPreview();
      $('preview-note').textContent = `Version ${app.version} · served from its own origin`;
    } else {
      $('preview').removeAttribute('src');
    }
    if (!this.userChose || $(`tab-${this.current}`).hidden) {
      this.select(serving && app.status === 'LIVE' ? 'preview' : 'progress');
    }
    if (previous && previous.version !== app.version) {
      this.codeLoadedFor = null;
      if (this.current === 'code') this.loadCode();
      if (this.current === 'versions') this.loadVersions();
    }
  }

  reloadPreview() {
    const frame = $('preview');
    if (this.app?.url) frame.src = this.app.url;
  }

  async loadLogs() {
    if (!this.app) return;
    const id = this.app.id;
    try {
      const lines = await api.logs(id, 500);
      if (this.app?.id !== id) return;
      const pre = $('logs');
      pre.textContent = lines.length ? lines.join('\n') : 'No output yet.';
      pre.scrollTop = pre.scrollHeight;
    } catch (e) {
      $('logs').textContent = `Could not read the logs: ${e.message}`;
    }
  }

  async loadVersions() {
    if (!this.app || this.versionsSupported === false) return;
    const id = this.app.id;
    let answer;
    try {
      answer = await api.versions(id);
      if (this.versionsSupported === null) {
        this.versionsSupported = true;
        $('tab-versions').hidden = !(this.app?.version > 0);
      }
    } catch (e) {
      if (e.unsupported) {
        this.versionsSupported = false;
        $('tab-versions').hidden = true;
        if (this.current === 'versions') this.select('progress');
        return;
      }
      toast(`Could not list the versions: ${e.message}`, 'error');
      return;
    }
    if (this.app?.id !== id) return;
    const busy = this.app.status !== 'LIVE';
    const items = [...answer.versions].sort((a, b) => b.number - a.number).map((v) => {
      const isCurrent = v.number === answer.current;
      return el('li', { class: `version${isCurrent ? ' current' : ''}`, 'data-version': String(v.number) },
        el('div', { class: 'version-main' },
          el('span', { class: 'version-number', text: `v${v.number}` }),
          el('span', { class: `badge small ${v.status === 'FAILED' ? 'bad' : isCurrent ? 'ok' : 'off'}`,
            text: isCurrent ? 'current' : v.status.toLowerCase() }),
          el('span', { class: 'version-source muted', text: v.source })),
        el('p', { class: 'version-summary', text: v.summary || '' }),
        el('div', { class: 'version-foot' },
          el('time', { class: 'muted', datetime: v.createdAt, text: formatDateTime(v.createdAt) }),
          el('button', { type: 'button', class: 'button small', text: 'View code',
            'aria-label': `View the code of version ${v.number}`, onclick: () => this.showCode(v.number) }),
          !isCurrent && v.status !== 'FAILED' && v.status !== 'PENDING'
            ? el('button', { type: 'button', class: 'button small', text: 'Restore', disabled: busy,
              'aria-label': `Restore version ${v.number}`, onclick: () => this.onRestore(v.number) })
            : null));
    });
    $('versions').replaceChildren(...items);
  }

  showCode(version) {
    this.codeVersion = version === this.app?.version ? null : version;
    this.codeLoadedFor = null;
    this.select('code', true);
    $('tab-code').focus();
  }

  async loadCode() {
    if (!this.app) return;
    const key = `${this.app.id}@${this.codeVersion ?? this.app.version}`;
    if (this.codeLoadedFor === key) return;
    this.codeLoadedFor = key;
    let files = null;
    let version = this.codeVersion ?? this.app.version;
    if (this.filesSupported) {
      try {
        const answer = await api.files(this.app.id, this.codeVersion);
        files = answer.files;
        version = answer.version;
      } catch (e) {
        if (!e.unsupported) {
          this.codeLoadedFor = null;
          toast(`Could not read the files: ${e.message}`, 'error');
          return;
        }
        this.filesSupported = false;
      }
    }
    if (!files) files = Object.fromEntries((this.app.files || []).map((p) => [p, null]));
    this.files = files;
    $('code-version').textContent = `Version ${version}${this.codeVersion ? ' (not the current one)' : ''}`;
    const paths = Object.keys(files).sort();
    $('file-tree').replaceChildren(tree(paths, (p) => this.openFile(p)));
    const first = this.selectedPath && paths.includes(this.selectedPath) ? this.selectedPath
      : ENTRY_FILES.find((p) => paths.includes(p)) || paths[0];
    if (first) this.openFile(first);
  }

  openFile(path) {
    this.selectedPath = path;
    for (const b of $('file-tree').querySelectorAll('button[data-path]')) {
      if (b.dataset.path === path) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    $('file-name').textContent = path;
    const content = this.files[path];
    if (content === null || content === undefined) {
      $('file-content').replaceChildren(el('p', { class: 'muted', text: 'This server does not show file contents yet.' }));
      return;
    }
    const lineCount = content.split('\n').length;
    const gutter = el('pre', { class: 'gutter', 'aria-hidden': 'true',
      text: Array.from({ length: lineCount }, (_, i) => i + 1).join('\n') });
    const code = el('code');
    code.innerHTML = highlight(content, languageOf(path));
    const pre = el('pre', { class: 'source', tabindex: '0', 'aria-label': `Source of ${path}` }, code);
    $('file-content').replaceChildren(el('div', { class: 'numbered' }, gutter, pre));
  }
}

// A nested list of folders (open <details>) and file buttons.
function tree(paths, open) {
  const root = { dirs: new Map(), files: [] };
  for (const p of paths) {
    const parts = p.split('/');
    let node = root;
    for (const dir of parts.slice(0, -1)) {
      if (!node.dirs.has(dir)) node.dirs.set(dir, { dirs: new Map(), files: [] });
      node = node.dirs.get(dir);
    }
    node.files.push([parts[parts.length - 1], p]);
  }
  const render = (node) => el('ul', {},
    ...[...node.dirs.entries()].map(([name, child]) => el('li', {},
      el('details', { open: true }, el('summary', { text: `${name}/` }), render(child)))),
    ...node.files.map(([name, path]) => el('li', {},
      el('button', { type: 'button', class: 'file', 'data-path': path, text: name, title: path,
        onclick: () => open(path) }))));
  return render(root);
}
