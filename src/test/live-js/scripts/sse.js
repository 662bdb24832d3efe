// GET /v1/events with real JavaScript clients: `eventsource` (WHATWG EventSource; its fetch option
// adds the headers) follows a user's orders, is cut off mid-stream and reconnects by itself with
// Last-Event-ID; `eventsource-parser` over fetch resumes from an older id. Prints one JSON result.
import { EventSource } from 'eventsource';
import { createParser } from 'eventsource-parser';

const base = process.env.PETSTORE_BASE_URL;
const tenant = process.env.PETSTORE_TENANT;
const password = 'Live-Js-Pass-123!';

async function rest(method, path, body, token) {
  const headers = { 'X-Tenant-ID': tenant, 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), json: text ? JSON.parse(text) : null };
}

async function register(prefix) {
  const username = prefix + Math.random().toString(36).slice(2, 10);
  const reply = await rest('POST', '/v1/users', { username, firstName: 'Js', lastName: 'Live', email: `${username}@example.com`, password });
  if (reply.status !== 201) throw new Error(`register: ${reply.status} ${JSON.stringify(reply.json)}`);
  return { token: reply.json.token, id: reply.json.id };
}

async function createPet(keeper, name, price) {
  const reply = await rest('POST', '/v1/pets', {
    name, species: 'DOG', breed: 'Mixed', ageMonths: 9, size: 'SMALL', goodWithKids: true, price, currency: 'USD',
    status: 'AVAILABLE', medicalInfo: { vaccinated: true, spayedNeutered: false },
  }, keeper.token);
  if (reply.status !== 201) throw new Error(`create pet: ${reply.status}`);
  return reply.json.id;
}

async function placeOrder(buyer, petId) {
  const reply = await rest('POST', '/v1/orders', { petId }, buyer.token);
  if (reply.status !== 201) throw new Error(`place order: ${reply.status} ${JSON.stringify(reply.json)}`);
  return reply.json.id;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition, what, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A response whose body this script can end at will (the client sees the stream end, as when a proxy drops it). */
const cuts = [];
function cuttable(response) {
  const reader = response.body.getReader();
  let cut;
  const body = new ReadableStream({
    start(controller) {
      cut = () => {
        try { controller.close(); } catch { /* already closed */ }
        reader.cancel().catch(() => {});
      };
    },
    async pull(controller) {
      const { done, value } = await reader.read().catch(() => ({ done: true }));
      try {
        if (done) controller.close(); else controller.enqueue(value);
      } catch { /* cut meanwhile */ }
    },
    cancel() { reader.cancel().catch(() => {}); },
  });
  cuts.push(cut);
  return new Response(body, { status: response.status, headers: response.headers });
}

const keeper = await register('keeper');
const alice = await register('alice');
const pet1 = await createPet(keeper, 'Js-Rex', '33.00');
const pet2 = await createPet(keeper, 'Js-Fido', '21.00');

// 1. eventsource: follows Alice's orders and payments
const requests = [];
const received = [];
const es = new EventSource(`${base}/v1/events?types=order.statusChanged,payment.succeeded`, {
  fetch: async (input, init) => {
    const headers = { ...init.headers, Authorization: `Bearer ${alice.token}`, 'X-Tenant-ID': tenant };
    requests.push({ lastEventId: headers['Last-Event-ID'] ?? null });
    return cuttable(await fetch(input, { ...init, headers }));
  },
});
let opens = 0;
es.addEventListener('open', () => { opens += 1; });
for (const type of ['order.statusChanged', 'payment.succeeded']) {
  es.addEventListener(type, (event) => received.push({ type: event.type, id: event.lastEventId, data: JSON.parse(event.data) }));
}
await until(() => opens === 1, 'the stream to open');

const order1 = await placeOrder(alice, pet1);
const paid = await rest('POST', `/v1/orders/${order1}/payment`, {
  amount: '33.00', currency: 'USD',
  source: { object: 'card', name: 'Js Live', number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
}, alice.token);
if (paid.status !== 201) throw new Error(`pay: ${paid.status} ${JSON.stringify(paid.json)}`);
await until(() => received.length >= 3, 'PLACED, APPROVED and the payment');

// 2. the stream is cut; two changes while eventsource waits to reconnect (the server said retry: 1000)
cuts[cuts.length - 1]();
const order2 = await placeOrder(alice, pet2);
const cancelled = await rest('DELETE', `/v1/orders/${order2}`, undefined, alice.token);
if (cancelled.status !== 204) throw new Error(`cancel: ${cancelled.status}`);
await until(() => received.length >= 5, 'the changes made while disconnected');
await sleep(1500); // anything duplicated would arrive now
es.close();

// 3. eventsource-parser over fetch: resume from the first event's id
const resumed = [];
const controller = new AbortController();
const response = await fetch(`${base}/v1/events?types=order.statusChanged`, {
  headers: { Accept: 'text/event-stream', Authorization: `Bearer ${alice.token}`, 'X-Tenant-ID': tenant, 'Last-Event-ID': received[0].id },
  signal: controller.signal,
});
const parser = createParser({ onEvent: (event) => resumed.push({ type: event.event, id: event.id, data: JSON.parse(event.data) }) });
const decoder = new TextDecoder();
const reader = response.body.getReader();
const deadline = Date.now() + 15000;
while (resumed.length < 3 && Date.now() < deadline) {
  const { done, value } = await reader.read();
  if (done) break;
  parser.feed(decoder.decode(value, { stream: true }));
}
controller.abort();

// 4. refusals: fetch sees the problem; eventsource fails the connection with the status
const badTypes = await rest('GET', '/v1/events?types=pet.statusChanged,pet.teleported');
const refusal = await new Promise((resolve) => {
  const bad = new EventSource(`${base}/v1/events?types=order.statusChanged`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, 'X-Tenant-ID': tenant } }),
  });
  bad.addEventListener('error', (event) => { resolve({ code: event.code ?? null, readyState: bad.readyState }); bad.close(); });
});

console.log(JSON.stringify({
  order1, order2, userId: alice.id, opens, requests, received, resumed,
  streamContentType: response.headers.get('content-type'),
  badTypes, refusal,
}));
