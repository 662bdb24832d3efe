// Shared by the scripts: settings, REST helpers (fetch), socket.io-client connections that resolve
// on `connected` or `connect_error`, event waits with a deadline, and the JSON result on stdout.
//
//   node scripts/<name>.js <baseUrl> <tenantId>   (or PETSTORE_BASE_URL and PETSTORE_TENANT)
// Progress goes to stderr; stdout carries exactly one JSON document, which the Java test asserts on.
import { io } from 'socket.io-client';
import WebSocket from 'ws';

export const baseUrl = (process.argv[2] || process.env.PETSTORE_BASE_URL || '').replace(/\/+$/, '');
export const tenant = process.argv[3] || process.env.PETSTORE_TENANT || '';
if (!baseUrl || !tenant) {
  console.error('usage: node scripts/<name>.js <baseUrl> <tenantId> (or PETSTORE_BASE_URL and PETSTORE_TENANT)');
  process.exit(2);
}
export const password = 'SocketIo-Pass-123!';
export const timeoutMs = Number(process.env.EVENT_TIMEOUT_MS || '15000');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class CheckFailed extends Error {}

export function check(condition, what) {
  if (!condition) {
    throw new CheckFailed(`check failed: ${what}`);
  }
}

export function step(line) {
  console.error(`  ${line}`);
}

/** A REST call on the tenant; answers {status, body}. */
export async function rest(method, path, body, token) {
  const headers = { 'X-Tenant-ID': tenant, Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

/** Registers a fresh user; answers {username, token, id}. */
export async function register(prefix) {
  const username = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
  const reply = await rest('POST', '/v1/users', {
    username, firstName: 'Sio', lastName: 'Client', email: `${username}@example.com`, password,
  });
  check(reply.status === 201, `register ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { username, token: reply.body.token, id: reply.body.user?.id ?? reply.body.id };
}

/** An AVAILABLE pet made by this user. */
export async function createPet(token, name) {
  const reply = await rest('POST', '/v1/pets', {
    name, species: 'CAT', breed: 'Mixed', ageMonths: 9, size: 'SMALL', goodWithKids: true, price: '31.50', currency: 'USD',
    status: 'AVAILABLE', medicalInfo: { vaccinated: true, spayedNeutered: true },
  }, token);
  check(reply.status === 201, `create pet: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
}

/**
 * Opens a socket.io-client connection; resolves with {socket, connected} on the `connected` event,
 * or {socket, error: {message, data}} on `connect_error`. Events named in `collect` are recorded
 * in socket.received[name].
 */
export function connect(options, collect = []) {
  return new Promise((resolve, reject) => {
    const socket = io(baseUrl, { reconnection: false, timeout: timeoutMs, ...options });
    socket.received = {};
    // the transport engine.io opened with, and the upgrades it made
    socket.upgrades = [];
    socket.io.on('open', () => {
      socket.firstTransport = socket.io.engine.transport.name;
      socket.io.engine.on('upgrade', (transport) => socket.upgrades.push(transport.name));
    });
    for (const name of collect) {
      socket.received[name] = [];
      socket.on(name, (payload) => socket.received[name].push(payload));
    }
    const timer = setTimeout(() => reject(new Error(`no connected / connect_error within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connected', (payload) => {
      clearTimeout(timer);
      resolve({ socket, connected: payload });
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      resolve({ socket, error: { message: error.message, data: error.data ?? null } });
    });
  });
}

/** Waits until condition() holds, polling every 20 ms, up to the deadline. */
export async function until(condition, what) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new CheckFailed(`${what}: not within ${timeoutMs} ms`);
    }
    await sleep(20);
  }
}

/** Runs the script body; prints its result as JSON, or the failure on stderr with exit 1. */
export async function run(body) {
  try {
    const result = await body();
    // let the sockets' closes go out (a polling client says so in a last POST) before exiting
    await sleep(500);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  } catch (error) {
    console.error(error instanceof CheckFailed ? error.message : error?.stack ?? String(error));
    process.exit(1);
  }
}

/**
 * A connection to the WebSocket chat (/v1/ws/chat, the `ws` package) of this server (default: the
 * one under test); resolves on `connected`. Messages are collected in order; ws.of(type) filters them.
 */
export function chatSocket(token, server = baseUrl) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.replace(/^http/, 'ws')}/v1/ws/chat?token=${encodeURIComponent(token)}&tenant=${tenant}`);
    ws.received = [];
    ws.of = (type) => ws.received.filter((m) => m.type === type);
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      ws.received.push(message);
      if (message.type === 'connected') {
        resolve(ws);
      }
    });
    ws.on('error', reject);
    ws.on('unexpected-response', (_req, res) => reject(new Error(`ws chat refused: ${res.statusCode}`)));
  });
}
