// Talking to the server: the API key (kept in this tab's sessionStorage) goes out as a Bearer header
// on every call, JSON in and out, and chat streams read as server-sent events from fetch's body.

const KEY = 'genai4j.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
}

function headers(json) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  const key = apiKey();
  if (key) h['Authorization'] = 'Bearer ' + key;
  return h;
}

/** An error the server explained ({"error":{"message":...}}), with its HTTP status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function failure(res) {
  let message = res.status + ' ' + res.statusText;
  try {
    const body = await res.json();
    if (body && body.error && body.error.message) message = body.error.message;
  } catch (ignored) {
    // not JSON: the status line says enough
  }
  return new ApiError(res.status, message);
}

export async function getJson(path) {
  const res = await fetch(path, { headers: headers(false) });
  if (!res.ok) throw await failure(res);
  return res.json();
}

export async function postJson(path, body, signal) {
  const res = await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body), signal });
  if (!res.ok) throw await failure(res);
  return res.json();
}

/**
 * POSTs body and calls onEvent with each parsed "data:" payload of the SSE answer until [DONE]
 * (or the end of the body). An {"error":...} event mid-stream throws an ApiError.
 */
export function postStream(path, body, onEvent, signal) {
  return stream(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body), signal }, onEvent);
}

/** GETs an SSE stream (fetch, not EventSource: EventSource cannot send the API key). */
export function getStream(path, onEvent, signal) {
  return stream(path, { headers: headers(false), signal }, onEvent);
}

async function stream(path, init, onEvent) {
  const res = await fetch(path, init);
  if (!res.ok) throw await failure(res);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
      if (!data) continue;
      if (data === '[DONE]') return;
      const event = JSON.parse(data);
      if (event.error) throw new ApiError(0, event.error.message || 'the stream failed');
      onEvent(event);
    }
  }
}
