'use strict';
// A small, safe Markdown renderer: every character of the input is HTML-escaped before any formatting is added,
// and links and images only keep http(s), mailto and relative URLs. Supports headings, paragraphs, emphasis,
// strikethrough, inline and fenced code, links, images, block quotes, nested and task lists, tables, horizontal
// rules and line breaks. Hand-written because the app loads nothing from outside; usable from Node for tests.
(function (root) {
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const escape = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

  /** An escaped URL that is safe in href/src, or null (javascript:, data:, vbscript: and friends are dropped). */
  function safeUrl(escapedUrl) {
    const url = escapedUrl.trim();
    if (/^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/)/i.test(url)) return url;
    const colon = url.indexOf(':');
    const boundary = url.search(/[/?#]/);
    if (colon === -1 || (boundary !== -1 && boundary < colon)) return url;
    return null;
  }

  /** Inline formatting of one escaped text run. */
  function inline(text) {
    const codes = [];
    let s = escape(text).replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, ticks, code) => {
      codes.push(`<code>${code.trim()}</code>`);
      return `\u0000${codes.length - 1}\u0000`;
    });
    s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+&quot;([^)]*?)&quot;)?\)/g, (whole, alt, url, title) => {
      const src = safeUrl(url);
      if (!src || !/^https?:\/\//i.test(src) && !/^\.{0,2}\//.test(src)) return alt;
      return `<img src="${src}" alt="${alt}"${title ? ` title="${title}"` : ''} loading="lazy">`;
    });
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+&quot;([^)]*?)&quot;)?\)/g, (whole, label, url, title) => {
      const href = safeUrl(url);
      if (!href) return label;
      return `<a href="${href}"${title ? ` title="${title}"` : ''} rel="noopener noreferrer">${label}</a>`;
    });
    s = s.replace(/&lt;((?:https?:\/\/|mailto:)[^\s&]+)&gt;/gi,
      (_, url) => `<a href="${url}" rel="noopener noreferrer">${url}</a>`);
    s = s.replace(/(^|[\s(])(https?:\/\/[^\s<]+[^\s<.,;:!?)])/g,
      (_, before, url) => `${before}<a href="${url}" rel="noopener noreferrer">${url}</a>`);
    s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '<strong>$2</strong>');
    s = s.replace(/(^|[^\w*])\*(?=\S)([\s\S]*?\S)\*(?!\*)/g, '$1<em>$2</em>');
    s = s.replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, '$1<em>$2</em>');
    s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
    s = s.replace(/(?: {2,}|\\)\n/g, '<br>\n');
    return s.replace(/\u0000(\d+)\u0000/g, (_, i) => codes[Number(i)]);
  }

  const indentOf = (line) => line.match(/^ */)[0].length;
  const LIST = /^( *)([-*+]|\d{1,9}[.)])\s+(.*)$/;

  function list(lines, start) {
    const first = LIST.exec(lines[start]);
    const base = first[1].length;
    const ordered = /\d/.test(first[2]);
    const items = [];
    let i = start;
    while (i < lines.length) {
      const m = LIST.exec(lines[i]);
      if (!m || m[1].length !== base || /\d/.test(m[2]) !== ordered) break;
      const body = [m[3]];
      i += 1;
      while (i < lines.length && lines[i].trim() !== '' && !(LIST.test(lines[i]) && indentOf(lines[i]) <= base)
        && (indentOf(lines[i]) > base || !/^(?:#{1,6}\s|>|```|~~~)/.test(lines[i]))) {
        body.push(lines[i].slice(Math.min(indentOf(lines[i]), base + 2)));
        i += 1;
      }
      while (i < lines.length && lines[i].trim() === '' && i + 1 < lines.length && indentOf(lines[i + 1]) > base
        && LIST.test(lines[i + 1])) i += 1;
      items.push(body);
    }
    const start1 = ordered ? Number.parseInt(first[2], 10) : 1;
    const html = items.map((body) => {
      let text = body[0];
      let check = '';
      const task = /^\[([ xX])\]\s+(.*)$/.exec(text);
      if (task) {
        check = `<input type="checkbox" disabled${task[1] === ' ' ? '' : ' checked'}> `;
        text = task[2];
      }
      const nestedAt = body.findIndex((l, k) => k > 0 && LIST.test(l));
      const own = (nestedAt === -1 ? body.slice(1) : body.slice(1, nestedAt));
      const nested = nestedAt === -1 ? '' : blocks(body.slice(nestedAt));
      return `<li${task ? ' class="task"' : ''}>${check}${inline([text, ...own].join('\n'))}${nested}</li>`;
    }).join('\n');
    const tag = ordered ? 'ol' : 'ul';
    return { html: `<${tag}${ordered && start1 !== 1 ? ` start="${start1}"` : ''}>\n${html}\n</${tag}>`, next: i };
  }

  function cells(row) {
    return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  }

  function table(lines, start) {
    const head = cells(lines[start]);
    const aligns = cells(lines[start + 1]).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center'
      : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : ''));
    const style = (k) => (aligns[k] ? ` style="text-align:${aligns[k]}"` : '');
    let i = start + 2;
    const rows = [];
    while (i < lines.length && lines[i].includes('|') && lines[i].trim() !== '') {
      rows.push(cells(lines[i]));
      i += 1;
    }
    const th = head.map((c, k) => `<th${style(k)}>${inline(c)}</th>`).join('');
    const body = rows.map((r) => `<tr>${head.map((_, k) => `<td${style(k)}>${inline(r[k] || '')}</td>`)
      .join('')}</tr>`);
    return { html: `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`, next: i };
  }

  function blocks(lines) {
    const out = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        i += 1;
        continue;
      }
      const fence = /^ {0,3}(```+|~~~+)\s*([\w+-]*)/.exec(line);
      if (fence) {
        const code = [];
        i += 1;
        while (i < lines.length && !lines[i].trim().startsWith(fence[1])) {
          code.push(lines[i]);
          i += 1;
        }
        i += 1;
        const lang = fence[2] ? ` class="language-${escape(fence[2])}"` : '';
        out.push(`<pre><code${lang}>${escape(code.join('\n'))}</code></pre>`);
        continue;
      }
      const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        const n = heading[1].length;
        const id = heading[2].toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
        out.push(`<h${n} id="${escape(id)}">${inline(heading[2])}</h${n}>`);
        i += 1;
        continue;
      }
      if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
        out.push('<hr>');
        i += 1;
        continue;
      }
      if (/^ {0,3}>/.test(line)) {
        const quoted = [];
        while (i < lines.length && lines[i].trim() !== '' && (/^ {0,3}>/.test(lines[i]) || quoted.length > 0)) {
          quoted.push(lines[i].replace(/^ {0,3}> ?/, ''));
          i += 1;
        }
        out.push(`<blockquote>\n${blocks(quoted)}\n</blockquote>`);
        continue;
      }
      if (LIST.test(line)) {
        const l = list(lines, i);
        out.push(l.html);
        i = l.next;
        continue;
      }
      if (line.includes('|') && i + 1 < lines.length && lines[i + 1].includes('|')
        && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[i + 1])) {
        const t = table(lines, i);
        out.push(t.html);
        i = t.next;
        continue;
      }
      const para = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^ {0,3}(#{1,6}\s|>|```|~~~)/.test(lines[i])
        && !(para.length > 0 && LIST.test(lines[i]))) {
        para.push(lines[i]);
        i += 1;
      }
      out.push(`<p>${inline(para.join('\n'))}</p>`);
    }
    return out.join('\n');
  }

  /** Markdown text to safe HTML. */
  function render(markdown) {
    return blocks(String(markdown).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
  }

  const api = { render, escape, safeUrl };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Markdown = api;
}(typeof self !== 'undefined' ? self : globalThis));
