'use strict';
// A URL shortener. POST /api/links makes a short link; GET /{slug} answers 302 to the long URL and counts the
// click. Links are saved in links.json.
const path = require('node:path');
const crypto = require('node:crypto');
const { createApp, HttpError, Reply, created } = require('./lib/web');
const { JsonFile } = require('./lib/store');

const TITLE = {{title}};
const SLUG = /^[A-Za-z0-9_-]{3,40}$/;
const RESERVED = new Set(['api', 'admin', 'static', 'assets', 'public', 'health', 'favicon']);
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MAX_URL = 2048;
const MAX_LINKS = 10000;

const store = new JsonFile('links.json', { links: [] });
const links = new Map((store.read().links || []).map((l) => [l.slug, l]));
const app = createApp({ publicDir: path.join(__dirname, 'public') });

const save = () => store.write({ links: [...links.values()] });

function base(req) {
  const proto = String(req.headers['x-forwarded-proto'] || 'http').split(',')[0].trim();
  return `${proto === 'https' ? 'https' : 'http'}://${req.headers.host || 'localhost'}`;
}

const view = (link, req) => ({ ...link, shortUrl: `${base(req)}/${link.slug}` });

function target(value) {
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, 'url is required', { field: 'url' });
  const text = value.trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new HttpError(400, 'url must be a full http(s) address such as https://example.com/page', { field: 'url' });
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    throw new HttpError(400, 'only http and https links can be shortened', { field: 'url' });
  }
  if (text.length > MAX_URL) throw new HttpError(400, `url must be at most ${MAX_URL} characters`, { field: 'url' });
  return url.href;
}

function newSlug() {
  for (let length = 6; ; length += 1) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      let s = '';
      for (let i = 0; i < length; i += 1) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
      if (!links.has(s)) return s;
    }
  }
}

function find(slug) {
  const link = links.get(slug);
  if (!link) throw new HttpError(404, `no short link ${slug}`);
  return link;
}

app.get('/api/links', ({ req }) => [...links.values()].reverse().map((l) => view(l, req)));

app.post('/api/links', ({ req, body }) => {
  const unknown = Object.keys(body).find((k) => !['url', 'slug'].includes(k));
  if (unknown) throw new HttpError(400, `unknown field ${unknown}; use url and slug`);
  const url = target(body.url);
  let slug = body.slug === undefined || body.slug === null || body.slug === '' ? null : body.slug;
  if (slug !== null) {
    if (typeof slug !== 'string' || !SLUG.test(slug)) {
      throw new HttpError(400, 'slug must be 3-40 letters, digits, - or _', { field: 'slug' });
    }
    if (RESERVED.has(slug.toLowerCase())) throw new HttpError(400, `slug ${slug} is reserved`, { field: 'slug' });
    if (links.has(slug)) throw new HttpError(409, `slug ${slug} is taken`, { field: 'slug' });
  } else {
    const existing = [...links.values()].find((l) => l.url === url);
    if (existing) return new Reply(200, view(existing, req));
    slug = newSlug();
  }
  if (links.size >= MAX_LINKS) throw new HttpError(409, `storage is full (${MAX_LINKS} links); delete some first`);
  const link = { slug, url, clicks: 0, createdAt: new Date().toISOString(), lastClickAt: null };
  links.set(slug, link);
  save();
  return created(view(link, req), `/api/links/${slug}`);
});

app.get('/api/links/:slug', ({ req, params }) => view(find(params.slug), req));

app.delete('/api/links/:slug', ({ params }) => {
  links.delete(find(params.slug).slug);
  save();
});

/** The short link itself: a 302 to the long URL. Slugs never contain a dot, so page files are not shadowed. */
app.get(/^\/(?<slug>[A-Za-z0-9_-]{1,40})\/?$/, ({ params, res }) => {
  const link = links.get(params.slug);
  if (!link) {
    const page = '<!doctype html><meta charset="utf-8"><title>Not found</title>'
      + '<p style="font-family:system-ui;margin:3rem auto;max-width:30rem">This short link does not exist. '
      + '<a href="/">Make one</a>.</p>';
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page);
    return undefined;
  }
  link.clicks += 1;
  link.lastClickAt = new Date().toISOString();
  save();
  res.writeHead(302, { Location: link.url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
  return undefined;
});

app.listen(TITLE);
