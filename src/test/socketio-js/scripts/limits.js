// The limits, with the small settings SocketIoLimitsTest starts the server with
// (MAX_PER_USER connections per user, EVENT_BURST events at once, MAX_FRAME bytes per packet,
// ABUSE events past the rate close the connection, PING_INTERVAL + PING_TIMEOUT for a silent
// client), through socket.io-client, plus a raw engine.io client on `ws` that never answers pings.
import WebSocket from 'ws';
import { baseUrl, check, connect, createPet, register, rest, run, sleep, step, tenant, until } from './lib.js';

const maxPerUser = Number(process.env.MAX_PER_USER);
const burst = Number(process.env.EVENT_BURST);
const maxFrame = Number(process.env.MAX_FRAME);
const abuse = Number(process.env.ABUSE);

run(async () => {
  const user = await register('siolimit');
  const auth = { token: user.token, tenant };
  const result = {};

  step(`${maxPerUser} connections per user, then one more`);
  const held = [];
  for (let i = 0; i < maxPerUser; i++) {
    const c = await connect({ transports: ['websocket'], auth }, ['chatError', 'orderStatusChanged']);
    check(!c.error, `connection ${i}: ${JSON.stringify(c.error)}`);
    held.push(c);
  }
  const extra = await connect({ transports: ['websocket'], auth });
  result.extra = { error: extra.error, connected: extra.socket.connected };
  extra.socket.close();
  held.pop().socket.close();
  await sleep(200);
  const again = await connect({ transports: ['polling'], auth });
  result.afterOneClosed = { error: again.error ?? null, connected: Boolean(again.connected) };
  again.socket.close();

  const socket = held[0].socket;
  step('a packet over the size cap');
  socket.emit('typingStarted', { conversationId: 'x', padding: 'a'.repeat(maxFrame + 10) });
  const withCode = (code) => socket.received.chatError.filter((e) => e.code === code);
  await until(() => withCode('MESSAGE_TOO_LARGE').length >= 1, 'chatError MESSAGE_TOO_LARGE');
  result.tooLarge = withCode('MESSAGE_TOO_LARGE')[0];

  step('a malformed packet, sent through the client\'s engine.io connection');
  socket.io.engine.send('2["unterminated", {');
  const malformed = () => socket.received.chatError.filter((e) => e.code === 'BAD_REQUEST' && /malformed/.test(e.message));
  await until(() => malformed().length >= 1, 'chatError BAD_REQUEST');
  result.malformed = malformed()[0];

  step(`${burst * 3} events at once`);
  await sleep(1200); // the bucket refills
  const before = socket.received.chatError.length;
  for (let i = 0; i < burst * 3; i++) {
    socket.emit('typingStopped', { conversationId: 'x' });
  }
  const limited = () => socket.received.chatError.slice(before).filter((e) => e.code === 'TOO_MANY_REQUESTS');
  await until(() => limited().length > 0, 'chatError TOO_MANY_REQUESTS');
  await sleep(300);
  result.rate = limited();
  result.connectedAfterErrors = socket.connected;

  step('the socket still receives its live events');
  const petId = await createPet(user.token, 'Sio-Limit');
  const placed = await rest('POST', '/v1/orders', { petId }, user.token);
  check(placed.status === 201, `place order: ${placed.status}`);
  await until(() => socket.received.orderStatusChanged.some((e) => e.orderId === placed.body.id), 'orderStatusChanged after the errors');
  result.liveAfterErrors = true;

  step(`sustained abuse: ${abuse * 3} events past the rate`);
  const abuser = held[1].socket;
  let disconnectReason = null;
  abuser.on('disconnect', (reason) => { disconnectReason = reason; });
  for (let i = 0; i < abuse * 3 && abuser.connected; i++) {
    abuser.emit('typingStopped', { conversationId: 'x' });
  }
  await until(() => disconnectReason !== null, 'the abusive connection closed');
  result.abuse = { disconnectReason };
  result.othersStillConnected = held.filter((c) => c.socket !== abuser).every((c) => c.socket.connected);

  step('a raw engine.io client that never answers pings');
  const started = Date.now();
  const silent = await new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const frames = [];
    ws.on('message', (data) => {
      const text = data.toString();
      frames.push(text);
      if (text.startsWith('0')) {
        ws.send(`40${JSON.stringify({ token: user.token, tenant })}`);
      }
    });
    ws.on('close', (code) => resolve({ frames, code, afterMs: Date.now() - started }));
    ws.on('error', reject);
  });
  result.silent = silent;
  for (const c of held) {
    c.socket.close();
  }
  return result;
});
