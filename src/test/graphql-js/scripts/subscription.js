// (d) A subscription through graphql-ws: myOrderStatusChanged with the token (and the tenant) in
// the connection_init payload; an order placed and cancelled over HTTP (graphql-request); the
// change(s) received (PLACED, then CANCELLED) within EVENT_TIMEOUT_MS. Also: a second subscription
// filtered on the order, another user's subscription that must receive nothing, and what an
// anonymous subscription gets.
// ORDER_PET_ID (optional): an AVAILABLE pet to order; by default the first available pet listed.
import { gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { check, client, equal, register, run, setting, step, tenant, endpoint } from './lib.js';

const wsUrl = endpoint.replace(/^http/, 'ws');
const eventTimeoutMs = Number(setting('EVENT_TIMEOUT_MS', '15000'));
const settleMs = Number(setting('SUBSCRIBE_SETTLE_MS', '750'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const CHANGES = `
  subscription Changes($orderId: UUID) {
    myOrderStatusChanged(orderId: $orderId) {
      order { id petId status pet { id name } }
      previousStatus
      status
      changedAt
      reason
    }
  }
`;

/** A graphql-ws client with this connection_init payload; resolves once the server acknowledged it. */
async function connect(payload, what) {
  let closed = null;
  let acknowledged;
  const ready = new Promise((resolve) => { acknowledged = resolve; });
  const ws = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: payload,
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: (_socket, ackPayload) => acknowledged({ ack: ackPayload ?? null }),
      closed: (event) => {
        closed = { code: event?.code ?? null, reason: event?.reason ?? '' };
        acknowledged({ closed });
      },
    },
    onNonLazyError: () => {},
  });
  const outcome = await Promise.race([ready, sleep(eventTimeoutMs).then(() => ({ timeout: true }))]);
  check(!outcome.timeout, `${what}: no connection_ack within ${eventTimeoutMs} ms`);
  return { ws, outcome, closed: () => closed };
}

/** Subscribes; events (and a terminal error or completion) are collected. */
function subscribe(ws, variables) {
  const state = { events: [], errors: null, complete: false, listeners: [] };
  const notify = () => state.listeners.forEach((listener) => listener());
  state.dispose = ws.subscribe({ query: CHANGES, variables }, {
    next: (message) => {
      if (message.errors) {
        state.errors = message.errors;
      }
      if (message.data?.myOrderStatusChanged) {
        state.events.push(message.data.myOrderStatusChanged);
      }
      notify();
    },
    error: (error) => {
      state.errors = Array.isArray(error) ? error : [{ message: String(error?.message ?? error?.reason ?? error), code: error?.code }];
      notify();
    },
    complete: () => { state.complete = true; notify(); },
  });
  state.until = (condition, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not received within ${eventTimeoutMs} ms; received ${JSON.stringify(state.events)}; errors ${JSON.stringify(state.errors)}`)), eventTimeoutMs);
    const test = () => {
      if (condition(state)) {
        clearTimeout(timer);
        resolve(state);
      }
    };
    state.listeners.push(test);
    test();
  });
  return state;
}

const payloadFor = (token) => ({ Authorization: `Bearer ${token}`, 'X-Tenant-ID': tenant });

run('subscription', async () => {
  const owner = await register('gqls');
  const other = await register('gqlx');
  const http = client(owner.token);

  let petId = setting('ORDER_PET_ID');
  if (!petId) {
    const { pets } = await client().request(gql`{ pets(filter: { status: [AVAILABLE] }, limit: 1) { data { id } } }`);
    check(pets.data.length === 1, 'an available pet to order');
    petId = pets.data[0].id;
  }

  const mine = await connect(payloadFor(owner.token), 'the owner\'s connection');
  check(mine.outcome.ack !== undefined, `the owner's connection is acknowledged (closed: ${JSON.stringify(mine.outcome.closed)})`);
  const theirs = await connect(payloadFor(other.token), 'the other user\'s connection');
  check(theirs.outcome.ack !== undefined, `the other user's connection is acknowledged (closed: ${JSON.stringify(theirs.outcome.closed)})`);
  const all = subscribe(mine.ws, {});
  const stranger = subscribe(theirs.ws, {});
  await sleep(settleMs);
  check(all.errors === null && !all.complete, `the subscription is running: errors ${JSON.stringify(all.errors)}, complete ${all.complete}`);
  step(`subscribed over ${wsUrl} as ${owner.username} (and ${other.username})`);

  const { placeOrder: placed } = await http.request(gql`mutation P($petId: UUID!) { placeOrder(petId: $petId) { id status } }`, { petId });
  equal(placed.status, 'PLACED', 'placed over HTTP');
  step(`order ${placed.id} placed over HTTP`);
  const one = subscribe(mine.ws, { orderId: placed.id });
  await sleep(settleMs);
  const { cancelOrder: cancelled } = await http.request(gql`mutation C($id: UUID!) { cancelOrder(id: $id) { id status } }`, { id: placed.id });
  equal(cancelled.status, 'CANCELLED', 'cancelled over HTTP');
  step(`order ${placed.id} cancelled over HTTP`);

  const cancelledEvent = (state) => state.events.some((e) => e.order?.id === placed.id && e.status === 'CANCELLED');
  await all.until(cancelledEvent, 'the CANCELLED change on the unfiltered subscription');
  await one.until(cancelledEvent, 'the CANCELLED change on the subscription filtered on the order');
  await sleep(settleMs); // anything late (or meant for someone else) has time to arrive

  const ours = all.events.filter((e) => e.order?.id === placed.id);
  const statuses = ours.map((e) => e.status);
  check(statuses.at(-1) === 'CANCELLED', `the last change is CANCELLED: ${statuses}`);
  check(statuses.filter((s) => s === 'CANCELLED').length === 1, `one CANCELLED change: ${statuses}`);
  const last = ours.at(-1);
  equal([last.previousStatus, last.order.status, last.order.petId, last.order.pet?.id], ['PLACED', 'CANCELLED', petId, petId], 'the CANCELLED change');
  if (statuses.length > 1) {
    equal(statuses, ['PLACED', 'CANCELLED'], 'the changes in order');
  }
  equal(all.events.length, ours.length, 'only this order\'s changes');
  equal(one.events.map((e) => [e.order.id, e.status]), [[placed.id, 'CANCELLED']], 'the filtered subscription');
  equal(stranger.events, [], 'another user receives nothing of this order');
  step(`received ${JSON.stringify(statuses)}; the filtered subscription ${JSON.stringify(one.events.map((e) => e.status))}; the other user nothing`);

  for (const s of [all, one, stranger]) s.dispose();
  await mine.ws.dispose();
  await theirs.ws.dispose();

  // without a token: either the connection is refused or the subscription errs; printed as it is
  const nobody = await connect({ 'X-Tenant-ID': tenant }, 'the anonymous connection');
  let anonymous = { connection: nobody.outcome.closed ? { closed: nobody.outcome.closed } : { acknowledged: true } };
  if (!nobody.outcome.closed) {
    const attempt = subscribe(nobody.ws, {});
    await Promise.race([attempt.until((s) => s.errors !== null || s.complete, 'an anonymous subscription').catch(() => {}), sleep(3000)]);
    anonymous = { ...anonymous, errors: attempt.errors, complete: attempt.complete, closed: nobody.closed() };
    attempt.dispose();
  }
  await nobody.ws.dispose();
  step(`anonymous subscription: ${JSON.stringify(anonymous)}`);

  return {
    username: owner.username,
    orderId: placed.id,
    petId,
    events: all.events,
    statuses,
    filteredEvents: one.events,
    strangerEvents: stranger.events,
    anonymous,
  };
});
