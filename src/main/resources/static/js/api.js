// The HTTP API, with the signed-in user's credentials. They live in this module's memory only (never in
// localStorage, sessionStorage or a cookie): reloading the page signs out.

const API = '/api/leads/export';

let authorization = null;
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

/** Called when the server no longer accepts the credentials (e.g. the password was changed). */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** Checks the credentials by reading the field catalog, and keeps them if they work. Returns the catalog. */
export async function signIn(username, password) {
  const candidate = basic(username, password);
  const response = await send('GET', `${API}/fields`, undefined, candidate);
  if (response.status === 401) {
    throw new ApiError(401, { title: 'Sign-in failed', detail: 'The username or password is not right.' });
  }
  const catalog = await answer(response);
  authorization = candidate;
  return catalog;
}

export function signOut() {
  authorization = null;
}

export function signedIn() {
  return authorization !== null;
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
 * Downloads a job's file: fetched with the credentials (a plain link would not carry them), then saved through a
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
  if (authorization === null) {
    throw new ApiError(401, { title: 'Signed out', detail: 'Sign in first.' });
  }
  const response = await send(method, path, body, authorization, extraHeaders);
  if (response.status === 401) {
    authorization = null;
    onUnauthorized();
    throw new ApiError(401, { title: 'Signed out', detail: 'The server no longer accepts your sign-in.' });
  }
  return response;
}

async function send(method, path, body, credentials, extraHeaders = {}) {
  const headers = {
    ...extraHeaders,
    'Authorization': credentials,
    'Accept': 'application/json, application/problem+json',
    // Without it, a 401 would carry a Basic challenge and the browser would open its own sign-in dialog.
    'X-Requested-With': 'XMLHttpRequest',
  };
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
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

function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return 'Basic ' + btoa(binary);
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
