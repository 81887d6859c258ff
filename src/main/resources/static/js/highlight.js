// A small syntax highlighter for the languages generated apps use: JavaScript, HTML (with its inline scripts
// and styles), CSS, Python and JSON. Written here because the usual libraries are tens of kilobytes and are
// not served as webjars in a version we can use; this one is a regex scanner per language: each rule is a
// class name (or a function) and a regex without capturing groups, tried in order at every position.
// Every piece of the source is HTML-escaped, so the result is safe to assign to innerHTML.

const MAX_CHARS = 200_000;

export function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const span = (cls, text) => `<span class="tok-${cls}">${escapeHtml(text)}</span>`;

const STRING_DQ = /"(?:\\.|[^\\"\n])*"?/;
const STRING_SQ = /'(?:\\.|[^\\'\n])*'?/;
const BLOCK_COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/;
const words = (list) => new RegExp(`\\b(?:${list.split(' ').join('|')})\\b`);

const JS = [
  ['comment', /\/\/[^\n]*/],
  ['comment', BLOCK_COMMENT],
  ['string', /`(?:\\[\s\S]|[^\\`])*`?/],
  ['string', STRING_DQ],
  ['string', STRING_SQ],
  ['keyword', words('const let var function return if else for while do switch case break continue new class '
    + 'extends import export from default async await try catch finally throw typeof instanceof in of this '
    + 'super yield delete void static get set')],
  ['literal', words('true false null undefined NaN Infinity')],
  ['number', /\b(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?n?)\b/],
  ['fn', /\b[A-Za-z_$][\w$]*(?=\s*\()/],
];

const PY = [
  ['comment', /#[^\n]*/],
  ['string', /(?:\b[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/],
  ['string', /(?:\b[rRbBuUfF]{1,2})?(?:"(?:\\.|[^\\"\n])*"?|'(?:\\.|[^\\'\n])*'?)/],
  ['meta', /@[\w.]+/],
  ['keyword', words('and as assert async await break class continue def del elif else except finally for from '
    + 'global if import in is lambda nonlocal not or pass raise return try while with yield match case')],
  ['literal', words('True False None self cls')],
  ['number', /\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?j?\b/],
  ['fn', /\b[A-Za-z_][\w]*(?=\s*\()/],
];

const CSS = [
  ['comment', BLOCK_COMMENT],
  ['string', STRING_DQ],
  ['string', STRING_SQ],
  ['keyword', /@[\w-]+|!important/],
  ['fn', /[.#][\w-]+(?=[^{};]*\{)/],
  ['attr', /[\w-]+(?=\s*:[^;{}]*[;}])/],
  ['number', /#[0-9a-fA-F]{3,8}\b|(?<![\w-])-?\d*\.?\d+(?:%|[a-zA-Z]+)?/],
];

const JSON_RULES = [
  ['attr', /"(?:\\.|[^\\"\n])*"(?=\s*:)/],
  ['string', STRING_DQ],
  ['literal', words('true false null')],
  ['number', /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/],
];

const TAG_INNER = [
  ['tag', /^<\/?[\w:-]+/],
  ['string', STRING_DQ],
  ['string', STRING_SQ],
  ['attr', /[\w:@.-]+(?=\s*=)|\b[\w:-]+\b/],
];

const HTML = [
  ['comment', /<!--[\s\S]*?(?:-->|$)/],
  ['meta', /<![^>]*>/],
  [(text) => scan(text, TAG_INNER), /<\/?[A-Za-z][^>]*>?/],
  ['literal', /&[#\w]+;/],
];

const compiled = new Map();

function scan(code, rules) {
  let re = compiled.get(rules);
  if (!re) {
    re = new RegExp(rules.map(([, r]) => `(${r.source})`).join('|'), 'g');
    compiled.set(rules, re);
  }
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let m;
  while ((m = re.exec(code)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    let rule = 1;
    while (m[rule] === undefined) rule++;
    const kind = rules[rule - 1][0];
    out += escapeHtml(code.slice(last, m.index));
    out += typeof kind === 'function' ? kind(m[0]) : span(kind, m[0]);
    last = re.lastIndex;
  }
  return out + escapeHtml(code.slice(last));
}

// HTML with its <script> and <style> bodies highlighted as JavaScript and CSS.
function html(code) {
  const block = /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>|$)/gi;
  let out = '';
  let last = 0;
  let m;
  while ((m = block.exec(code)) !== null) {
    out += scan(code.slice(last, m.index), HTML) + scan(m[1], HTML);
    out += scan(m[3], m[2].toLowerCase() === 'script' ? JS : CSS) + scan(m[4], HTML);
    last = block.lastIndex;
    if (m[0] === '') block.lastIndex++;
  }
  return out + scan(code.slice(last), HTML);
}

const BY_LANGUAGE = {
  js: (c) => scan(c, JS),
  python: (c) => scan(c, PY),
  css: (c) => scan(c, CSS),
  json: (c) => scan(c, JSON_RULES),
  html,
};

const EXTENSIONS = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', tsx: 'js',
  py: 'python', css: 'css', json: 'json', html: 'html', htm: 'html', svg: 'html', xml: 'html',
};

const ALIASES = { javascript: 'js', node: 'js', typescript: 'js', py: 'python', python3: 'python' };

/** The language of a file name, or of a code fence's info string; null when not highlighted. */
export function languageOf(name) {
  if (!name) return null;
  const lower = name.toLowerCase().trim();
  if (BY_LANGUAGE[lower]) return lower;
  if (ALIASES[lower]) return ALIASES[lower];
  const dot = lower.lastIndexOf('.');
  return dot >= 0 ? EXTENSIONS[lower.slice(dot + 1)] || null : null;
}

/** Highlighted, escaped HTML of code in a language (plain escaped text for unknown languages). */
export function highlight(code, language) {
  const fn = BY_LANGUAGE[language];
  if (!fn || code.length > MAX_CHARS) return escapeHtml(code);
  return fn(code);
}
