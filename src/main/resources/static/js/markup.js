// Renders chat message text into DOM nodes: fenced code blocks (highlighted), inline code, **bold**,
// [links](https://...) and bare http(s) URLs, bullet lists and paragraphs. Message text is untrusted (it may
// quote generated code), so everything becomes text nodes except the highlighter's escaped output.

import { highlight, languageOf } from './highlight.js';

const FENCE = /^```([\w+#.-]*)[^\n]*\n([\s\S]*?)(?:^```[ \t]*$|(?![\s\S]))/gm;
const INLINE = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(((?:https?:\/\/|\/)[^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href, text) {
  const a = el('a', null, text);
  a.href = href;
  if (/^https?:/.test(href)) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

function inline(parent, text) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    if (m[1] !== undefined) parent.append(el('code', null, m[1]));
    else if (m[2] !== undefined) parent.append(el('strong', null, m[2]));
    else if (m[3] !== undefined) parent.append(link(m[4], m[3]));
    else parent.append(link(m[5], m[5]));
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

function lines(parent, text) {
  text.split('\n').forEach((line, i) => {
    if (i > 0) parent.append(el('br'));
    inline(parent, line);
  });
}

function prose(parent, text) {
  for (const block of text.split(/\n{2,}/)) {
    const trimmed = block.replace(/^\n+|\n+$/g, '');
    if (!trimmed) continue;
    const rows = trimmed.split('\n');
    if (rows.every((r) => /^\s*[-*•] /.test(r))) {
      const ul = el('ul');
      rows.forEach((r) => inline(ul.appendChild(el('li')), r.replace(/^\s*[-*•] /, '')));
      parent.append(ul);
    } else {
      lines(parent.appendChild(el('p')), trimmed);
    }
  }
}

/** A code block: <pre><code> with highlighting by language (a fence info string or a file name). */
export function codeBlock(code, language) {
  const pre = el('pre', 'code-block');
  const codeEl = el('code');
  const lang = languageOf(language);
  if (lang) codeEl.dataset.lang = lang;
  codeEl.innerHTML = highlight(code, lang);
  pre.append(codeEl);
  pre.tabIndex = 0;
  return pre;
}

/** The message text as a fragment of block nodes. */
export function renderMessage(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(FENCE)) {
    prose(frag, text.slice(last, m.index));
    frag.append(codeBlock(m[2].replace(/\n$/, ''), m[1]));
    last = m.index + m[0].length;
  }
  prose(frag, text.slice(last));
  return frag;
}
