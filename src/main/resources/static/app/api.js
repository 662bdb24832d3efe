// Calls to the /v1 API from the pages: the token and the tenant on every call, RFC 9457 problem
// bodies turned into an ApiError whose message is the problem's detail.
import { accessToken } from './auth.js';
import { currentTenant } from './tenant.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super((problem && (problem.detail || problem.title)) || 'The server answered ' + status + '.');
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The detail, then each field the problem names ("messages[0].content: ..."). */
  get fullMessage() {
    const errors = (this.problem && Array.isArray(this.problem.errors)) ? this.problem.errors : [];
    return [this.message, ...errors.map(e => (e.field ? e.field + ': ' : '') + (e.message || e.code || ''))].join(' ');
  }
}

async function problemOf(response) {
  const text = await response.text().catch(() => '');
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return new ApiError(response.status, json, response.headers.get('Retry-After'));
}

export function headers(extra = {}) {
  const all = { Accept: 'application/json', ...extra };
  const token = accessToken();
  if (token) all.Authorization = 'Bearer ' + token;
  const tenant = currentTenant();
  if (tenant) all['X-Tenant-ID'] = tenant;
  return all;
}

/** fetch + JSON; throws ApiError for a 4xx or 5xx. */
export async function api(path, { method = 'GET', body, query } = {}) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
    if ([...params].length) url += '?' + params;
  }
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return json;
}

/**
 * Reads a text/event-stream body as it arrives (fetch's ReadableStream, the SSE format):
 * onEvent(event, data, id) for each event, until the body ends. Comments are skipped.
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let data = '';
      let id = null;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = val;
        else if (field === 'data') data += (data ? '\n' : '') + val;
        else if (field === 'id') id = val;
      }
      if (onEvent(event, data, id) === false) { reader.cancel().catch(() => {}); return; }
    }
  }
}

/**
 * The pet-care advisor, streamed: POST /v1/chat/completions with stream: true (docs/advisor.md).
 * onText(text) gets each content delta as it arrives; answers {finishReason, usage} after
 * `data: [DONE]`. Throws ApiError for a refused request (its problem) or an `event: error` mid-stream.
 */
export async function streamChat({ messages, model }, onText, signal) {
  const response = await fetch('/v1/chat/completions', {
    method: 'POST', signal,
    // the stream when it is answered, the problem (JSON) when it is refused
    headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json;q=0.9, application/json;q=0.8' }),
    body: JSON.stringify({ messages, model, stream: true }),
  });
  if (!response.ok) throw await problemOf(response);
  let finishReason = null;
  let usage = null;
  let failure = null;
  let finished = false;
  await readEvents(response, (event, data) => {
    if (event === 'error') {
      let problem = null;
      try { problem = JSON.parse(data); } catch { problem = null; }
      failure = new ApiError(problem && problem.status || 502, problem);
      return false;
    }
    if (data === '[DONE]') { finished = true; return false; }
    if (!data) return true;
    const chunk = JSON.parse(data);
    const choice = chunk.choices && chunk.choices[0];
    if (choice && choice.delta && choice.delta.content) onText(choice.delta.content);
    if (choice && choice.finishReason) finishReason = choice.finishReason;
    if (chunk.usage) usage = chunk.usage;
    return true;
  });
  if (failure) throw failure;
  if (!finished) throw new ApiError(502, { detail: 'The answer broke off before its end. Please ask again.' });
  return { finishReason, usage };
}

/** A GraphQL query on /v1/graphql (the caller's orders have no REST list); throws on errors. */
export async function graphql(query, variables = {}) {
  const answer = await api('/v1/graphql', { method: 'POST', body: { query, variables } });
  if (answer.errors && answer.errors.length) throw new ApiError(200, { detail: answer.errors[0].message });
  return answer.data;
}

/**
 * Follows GET /v1/events (Server-Sent Events) with the token in the Authorization header, which
 * EventSource cannot send: fetch's body stream, parsed as the SSE format. Reconnects after a drop
 * with Last-Event-ID. Answers a function that stops it.
 */
export function followEvents(types, onEvent, onState = () => {}) {
  let stopped = false;
  let lastId = null;
  let controller = null;
  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const extra = { Accept: 'text/event-stream' };
        if (lastId) extra['Last-Event-ID'] = lastId;
        const response = await fetch('/v1/events?types=' + encodeURIComponent(types), { headers: headers(extra), signal: controller.signal });
        if (!response.ok) throw new Error('events: ' + response.status);
        onState('live');
        await readEvents(response, (event, data, id) => {
          if (id) lastId = id;
          if (data) {
            try { onEvent(event, JSON.parse(data)); } catch { /* not JSON: ignored */ }
          }
        });
      } catch (e) {
        if (stopped) return;
      }
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  run();
  return () => { stopped = true; if (controller) controller.abort(); };
}
