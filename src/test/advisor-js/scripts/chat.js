// Asks the pet-care advisor twice, as a browser app would: a streamed answer read with
// eventsource-parser from fetch's body, then a JSON answer. Prints what it received as JSON.
import { createParser } from 'eventsource-parser';

const base = process.env.PETSTORE_BASE_URL;
const tenant = process.env.PETSTORE_TENANT;
const token = process.env.PETSTORE_TOKEN;
const question = process.env.QUESTION;

const headers = {
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`,
  'X-Tenant-ID': tenant,
};
const messages = [{ role: 'USER', content: question }];

async function streamed() {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { ...headers, Accept: 'text/event-stream' },
    body: JSON.stringify({ messages, temperature: 0 }),
  });
  const events = [];
  const parser = createParser({
    onEvent(event) {
      events.push({ id: event.id ?? null, event: event.event ?? null, data: event.data });
    },
  });
  const decoder = new TextDecoder();
  for await (const bytes of response.body) {
    parser.feed(decoder.decode(bytes, { stream: true }));
  }
  const done = events.length > 0 && events[events.length - 1].data === '[DONE]';
  const chunks = events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data));
  const text = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
  const last = chunks[chunks.length - 1];
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    ids: events.map((e) => e.id),
    done,
    firstRole: chunks[0].choices[0].delta.role,
    finishReason: last.choices[0].finishReason,
    usage: last.usage,
    text,
  };
}

async function whole() {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ messages, stream: false, temperature: 0 }),
  });
  return { status: response.status, body: await response.json() };
}

const result = { streamed: await streamed(), whole: await whole() };
process.stdout.write(JSON.stringify(result));
