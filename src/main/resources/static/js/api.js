// The SpawnAI REST API v1, as the page uses it: a session token kept in localStorage, JSON in and out,
// RFC 7807 problems turned into ApiError. An endpoint that this server does not have yet answers 404/405
// without an appId; such calls reject with ApiError.unsupported = true so the page can hide the feature.

const TOKEN_KEY = 'spawnai.token';
const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.field = problem.field;
    this.unsupported = (status === 404 || status === 405 || status === 501) && !problem.appId
      && problem.title !== 'App not found';
  }
}

let sessionPromise = null;
let memoryToken = null;

function token() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

async function newSession() {
  const res = await fetch(`${BASE}/sessions`, { method: 'POST' });
  if (!res.ok) throw await toError(res);
  const body = await res.json();
  try {
    localStorage.setItem(TOKEN_KEY, body.token);
  } catch {
    // private mode without storage: the session lasts as long as the page
  }
  memoryToken = body.token;
  return body.token;
}

/** The session token, creating a session on the first visit. */
export function session() {
  const known = token() || memoryToken;
  if (known) return Promise.resolve(known);
  if (!sessionPromise) sessionPromise = newSession().finally(() => { sessionPromise = null; });
  return sessionPromise;
}

async function toError(res) {
  let problem = {};
  try {
    problem = await res.json();
  } catch {
    // not JSON: keep the status only
  }
  return new ApiError(res.status, problem);
}

async function send(method, path, body, raw = false, retried = false) {
  const t = await session();
  const headers = { Authorization: `Bearer ${t}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && !retried) {
    // the server forgot the session (e.g. a fresh database): start a new one
    try { localStorage.removeItem(TOKEN_KEY); } catch { /* no storage */ }
    memoryToken = null;
    return send(method, path, body, raw, true);
  }
  if (!res.ok) throw await toError(res);
  return raw ? res : res.json();
}

const enc = encodeURIComponent;

export const api = {
  createApp: (prompt) => send('POST', '/apps', { prompt }),
  listApps: () => send('GET', '/apps').then((b) => b.apps),
  getApp: (id) => send('GET', `/apps/${enc(id)}`),
  logs: (id, lines = 200) => send('GET', `/apps/${enc(id)}/logs?lines=${lines}`).then((b) => b.lines),
  extend: (id, duration = 'PT1H') => send('POST', `/apps/${enc(id)}/extend`, { duration }),
  retry: (id) => send('POST', `/apps/${enc(id)}/retry`),
  destroy: (id) => send('DELETE', `/apps/${enc(id)}`),
  messages: (id) => send('GET', `/apps/${enc(id)}/messages`).then((b) => b.messages),
  sendMessage: (id, text) => send('POST', `/apps/${enc(id)}/messages`, { text }),
  versions: (id) => send('GET', `/apps/${enc(id)}/versions`),
  restore: (id, n) => send('POST', `/apps/${enc(id)}/versions/${enc(n)}/restore`),
  files: (id, version) => send('GET', `/apps/${enc(id)}/files${version ? `?version=${enc(version)}` : ''}`),
  examples: () => send('GET', '/examples'),
  download: (id) => send('GET', `/apps/${enc(id)}/download`, undefined, true),
  async eventsUrl(id) {
    return `${BASE}/apps/${enc(id)}/events?access_token=${enc(await session())}`;
  },
};
