'use strict';
// The editor: renders with markdown.js as you type, saves the document in this browser, exports .md and .html.
(() => {
  const $ = (id) => document.getElementById(id);
  const TITLE = {{title}};
  const STORE = 'markdown-editor-v1';
  const editor = $('editor');
  const preview = $('preview');
  const SAMPLE = [
    `# ${TITLE}`, '',
    'Write **Markdown** on the left and see it on the right. Everything is saved in this browser.', '',
    '## What works', '',
    '- *Emphasis*, **bold**, ~~strikethrough~~ and `inline code`',
    '- [Links](https://example.com) and lists, nested:',
    '  - like this one',
    '- [x] Task lists', '- [ ] …with open tasks', '',
    '> Block quotes for the wise words.', '',
    '```js', "console.log('code blocks too');", '```', '',
    '| Feature | Shortcut |', '| --- | :---: |', '| Bold | Ctrl+B |', '| Italic | Ctrl+I |', '| Link | Ctrl+K |', '',
  ].join('\n');
  let saveTimer;
  let toastTimer;

  function notify(message) {
    const toast = $('toast');
    toast.textContent = message;
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2000);
  }

  function render() {
    preview.innerHTML = window.Markdown.render(editor.value); // safe: the renderer escapes all input
    const words = (editor.value.match(/\S+/g) || []).length;
    $('counts').textContent = `${words} ${words === 1 ? 'word' : 'words'} · ${editor.value.length} characters`
      + ` · ${Math.max(1, Math.round(words / 220))} min read`;
  }

  function save() {
    $('status').textContent = 'Saving…';
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(STORE, editor.value);
        $('status').textContent = 'Saved';
      } catch {
        $('status').textContent = 'Not saved (storage unavailable)';
      }
    }, 400);
  }

  function changed() {
    render();
    save();
  }

  function replaceSelection(text, selectStart, selectEnd) {
    editor.focus();
    const { selectionStart: a, selectionEnd: b } = editor;
    editor.setRangeText(text, a, b, 'end');
    if (selectStart !== undefined) editor.setSelectionRange(a + selectStart, a + selectEnd);
    changed();
  }

  function wrap(marker) {
    const { selectionStart: a, selectionEnd: b } = editor;
    const selected = editor.value.slice(a, b) || 'text';
    replaceSelection(`${marker}${selected}${marker}`, marker.length, marker.length + selected.length);
  }

  function prefix(mark) {
    const { selectionStart: a, selectionEnd: b } = editor;
    const start = editor.value.lastIndexOf('\n', a - 1) + 1;
    const block = editor.value.slice(start, b);
    editor.setSelectionRange(start, b);
    replaceSelection(block.split('\n').map((line) => mark + line).join('\n'));
  }

  function link() {
    const { selectionStart: a, selectionEnd: b } = editor;
    const label = editor.value.slice(a, b) || 'link text';
    replaceSelection(`[${label}](https://)`, label.length + 3, label.length + 11);
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const fileName = () => (editor.value.match(/^#\s+(.+)$/m)?.[1] || TITLE).replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '').toLowerCase() || 'document';

  function htmlDocument() {
    const title = window.Markdown.escape(editor.value.match(/^#\s+(.+)$/m)?.[1] || TITLE);
    return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n`
      + '<meta name="viewport" content="width=device-width, initial-scale=1">\n<style>body{font-family:system-ui,'
      + 'sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem;line-height:1.6}pre{background:#f4f4f5;'
      + 'padding:1rem;overflow:auto}table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:.3rem .6rem}'
      + 'blockquote{border-left:4px solid #ddd;margin-left:0;padding-left:1rem;color:#555}</style>\n</head>\n'
      + `<body>\n${window.Markdown.render(editor.value)}\n</body>\n</html>\n`;
  }

  document.querySelectorAll('[data-wrap]').forEach((b) => b.addEventListener('click', () => wrap(b.dataset.wrap)));
  document.querySelectorAll('[data-prefix]').forEach((b) => b.addEventListener('click', () => prefix(b.dataset.prefix)));
  $('link').addEventListener('click', link);
  editor.addEventListener('input', changed);
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Tab') {
      e.preventDefault();
      replaceSelection('  ');
    } else if ((e.ctrlKey || e.metaKey) && ['b', 'i', 'k'].includes(e.key.toLowerCase())) {
      e.preventDefault();
      ({ b: () => wrap('**'), i: () => wrap('_'), k: link })[e.key.toLowerCase()]();
    }
  });
  document.querySelectorAll('[data-view]').forEach((b) => b.addEventListener('click', () => {
    $('panes').className = `panes ${b.dataset.view}`;
    document.querySelectorAll('[data-view]').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
  }));
  $('new').addEventListener('click', () => {
    if (editor.value.trim() && !window.confirm('Start a new document? The current one will be replaced.')) return;
    editor.value = '';
    changed();
    editor.focus();
  });
  $('download-md').addEventListener('click', () => download(`${fileName()}.md`, 'text/markdown', editor.value));
  $('download-html').addEventListener('click', () => download(`${fileName()}.html`, 'text/html', htmlDocument()));
  $('copy-html').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(window.Markdown.render(editor.value));
      notify('HTML copied');
    } catch {
      notify('Could not copy');
    }
  });

  let saved = null;
  try {
    saved = localStorage.getItem(STORE);
  } catch {
    saved = null;
  }
  editor.value = saved === null ? SAMPLE : saved;
  render();
})();
