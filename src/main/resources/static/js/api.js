// The HTTP API. The page signs in to a server session (POST /api/session): the session cookie is HttpOnly, so no
// script reads it, and the password is forgotten as soon as the sign-in is answered (never kept in memory,
// localStorage, sessionStorage or a cookie). A reload keeps the session. State-changing calls send the session's CSRF
// token (X-CSRF-TOKEN), which /api/session hands out; it is kept in this module's memory only.

const API = '/api/leads/export';
const SESSION = '/api/session';
const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];
const CSRF_REFUSED = 'CSRF token missing or wrong';

let csrfToken = null;
let onUnauthorized = () => {};

/** An API answer that was not a success: the HTTP status and the problem details (RFC 9457) when there are some. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** Called when the server no longer accepts the session (signed out elsewhere, or idle for too long). */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** The session this browser already has (after a reload): who is signed in, or null when nobody is. */
export async function resume() {
  const response = await send('GET', SESSION);
  if (response.status === 401) {
    csrfToken = null;
    return null;
  }
  return keep(await answer(response));
}

/** Signs in to a new server session. Returns who is signed in; the password goes no further than this request. */
export async function signIn(username, password) {
  const response = await send('POST', SESSION, { username, password });
  if (response.status === 401) {
    throw new ApiError(401, { title: 'Sign-in failed', detail: 'The username or password is not right.' });
  }
  return keep(await answer(response));
}

/** Ends the server session (on every instance); the page forgets its token whatever the server said. */
export async function signOut() {
  try {
    if (csrfToken !== null) {
      await send('DELETE', SESSION);
    }
  } catch (e) {
    // Signed out here anyway; an unreachable server ends the session by its idle timeout.
  } finally {
    csrfToken = null;
  }
}

export function signedIn() {
  return csrfToken !== null;
}

function keep(me) {
  csrfToken = me.csrfToken;
  return me;
}

export const api = {
  fields: () => call('GET', `${API}/fields`),
  preview: (request) => call('POST', `${API}/preview`, request),
  values: () => call('GET', `${API}/values`),
  // One Idempotency-Key per intended export: a repeated click or a retry answers the job the key started.
  start: (request, idempotencyKey) => call('POST', API, request, { 'Idempotency-Key': idempotencyKey }),
  job: (id) => call('GET', `${API}/jobs/${encodeURIComponent(id)}`),
  cancel: (id) => call('DELETE', `${API}/jobs/${encodeURIComponent(id)}`),
  jobs: (params) => call('GET', `${API}/jobs?${query(params)}`),
  history: (params) => call('GET', `${API}/history?${query(params)}`),
  presets: () => call('GET', `${API}/presets`),
  savePreset: (name, preset) => call('PUT', `${API}/presets/${encodeURIComponent(name)}`, preset),
  deletePreset: (name) => call('DELETE', `${API}/presets/${encodeURIComponent(name)}`),
  audit: (params) => call('GET', `${API}/audit?${query(params)}`),
  schedules: () => call('GET', `${API}/schedules`),
  schedule: (name, action) => call('POST', `${API}/schedules/${encodeURIComponent(name)}/${action}`),
  inbox: (page, size) => call('GET', `${API}/inbox?${query({ page, size })}`),
};

/**
 * Downloads a job's file: fetched with the session (as every API call), then saved through a
 * Blob object URL under the name the server gives in Content-Disposition.
 */
export async function download(url, fallbackName) {
  if (!url.startsWith(`${API}/`)) {
    throw new Error('Refusing to download from outside the API: ' + url);
  }
  const response = await authorized('GET', url);
  if (!response.ok) {
    await answer(response);
  }
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName || 'export';
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a little later: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  return name;
}

/** The file name of a Content-Disposition header: RFC 5987 filename* first, then the plain filename. */
export function fileName(disposition) {
  if (!disposition) {
    return null;
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return safeName(decodeURIComponent(extended[1].trim()));
    } catch (e) {
      // Malformed percent-encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) || /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain ? safeName(plain[1].trim()) : null;
}

function safeName(name) {
  const base = name.split(/[\\/]/).pop();
  return base || null;
}

async function call(method, path, body, extraHeaders) {
  const response = await authorized(method, path, body, extraHeaders);
  return answer(response);
}

async function authorized(method, path, body, extraHeaders) {
  if (csrfToken === null) {
    throw new ApiError(401, { title: 'Signed out', detail: 'Sign in first.' });
  }
  let response = await send(method, path, body, extraHeaders);
  if (response.status === 403 && STATE_CHANGING.includes(method) && await refusedForCsrf(response.clone())) {
    // The session was signed in again (another tab): its token changed. Fetch the current one and try once more.
    const me = await resume();
    if (me !== null) {
      response = await send(method, path, body, extraHeaders);
    } else {
      response = new Response(null, { status: 401 });
    }
  }
  if (response.status === 401) {
    csrfToken = null;
    onUnauthorized();
    throw new ApiError(401, { title: 'Session ended', detail: 'Your session has ended. Please sign in again.' });
  }
  return response;
}

async function refusedForCsrf(response) {
  try {
    return (await response.json()).title === CSRF_REFUSED;
  } catch (e) {
    return false;
  }
}

async function send(method, path, body, extraHeaders = {}) {
  const headers = {
    ...extraHeaders,
    'Accept': 'application/json, application/problem+json',
    // Without it, a 401 would carry a Basic challenge and the browser would open its own sign-in dialog.
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (STATE_CHANGING.includes(method) && csrfToken !== null) {
    headers['X-CSRF-TOKEN'] = csrfToken;
  }
  // The session cookie goes with same-origin requests only (it is SameSite=Strict as well).
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'No connection', detail: 'The server could not be reached. Try again.' });
  }
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, body && typeof body === 'object' ? body
        : { title: `HTTP ${response.status}`, detail: response.statusText });
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  return search.toString();
}
