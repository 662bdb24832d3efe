// The three ways socket.io-client connects (WebSocket only, long-polling only, the default: polling
// then the upgrade to WebSocket), each with the token in the handshake auth; what a bad or missing
// token gets (connect_error); and the user's live events on every one of their connections: an
// order placed then cancelled through REST arrives as orderStatusChanged PLACED then CANCELLED,
// while another user's socket receives none of it.
import { check, connect, createPet, register, rest, run, sleep, step, tenant, until } from './lib.js';

const LIVE = ['orderStatusChanged', 'paymentSucceeded'];

run(async () => {
  const buyer = await register('siobuyer');
  const stranger = await register('siostranger');
  const auth = { token: buyer.token, tenant };
  const result = {};

  step('websocket only');
  const ws = await connect({ transports: ['websocket'], auth }, LIVE);
  check(!ws.error, `websocket connect: ${JSON.stringify(ws.error)}`);
  result.websocket = { connected: ws.connected, transport: ws.socket.io.engine.transport.name };

  step('polling only');
  const polling = await connect({ transports: ['polling'], auth }, LIVE);
  check(!polling.error, `polling connect: ${JSON.stringify(polling.error)}`);
  result.polling = { connected: polling.connected, transport: polling.socket.io.engine.transport.name };

  step('default: polling, then the upgrade');
  const upgraded = await connect({ auth }, LIVE);
  check(!upgraded.error, `default connect: ${JSON.stringify(upgraded.error)}`);
  await until(() => upgraded.socket.io.engine.transport.name === 'websocket', 'the upgrade to websocket');
  result.upgraded = {
    connected: upgraded.connected, firstTransport: upgraded.socket.firstTransport, upgrades: upgraded.socket.upgrades,
    transport: upgraded.socket.io.engine.transport.name,
  };
  result.websocket.firstTransport = ws.socket.firstTransport;
  result.polling.upgrades = polling.socket.upgrades;

  step('bad and missing tokens');
  const bad = await connect({ transports: ['websocket'], auth: { token: 'not-a-jwt.at.all', tenant } });
  result.badToken = { error: bad.error, connected: bad.socket.connected };
  bad.socket.close();
  const none = await connect({ transports: ['polling'], auth: { tenant } });
  result.noToken = { error: none.error, connected: none.socket.connected };
  none.socket.close();

  const other = await connect({ transports: ['websocket'], auth: { token: stranger.token, tenant } }, LIVE);
  check(!other.error, `stranger connect: ${JSON.stringify(other.error)}`);

  step('an order placed and cancelled through REST');
  const petId = await createPet(buyer.token, 'Sio-Mochi');
  const placed = await rest('POST', '/v1/orders', { petId }, buyer.token);
  check(placed.status === 201, `place order: ${placed.status} ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.id;
  const cancelled = await rest('DELETE', `/v1/orders/${orderId}`, undefined, buyer.token);
  check(cancelled.status < 300, `cancel order: ${cancelled.status} ${JSON.stringify(cancelled.body)}`);
  const mine = (socket) => socket.received.orderStatusChanged.filter((event) => event.orderId === orderId);
  for (const [name, c] of [['websocket', ws], ['polling', polling], ['upgraded', upgraded]]) {
    await until(() => mine(c.socket).length >= 2, `${name}: PLACED and CANCELLED`);
    result[name].events = mine(c.socket);
  }
  await sleep(300);
  result.strangerEvents = other.socket.received.orderStatusChanged;
  result.orderId = orderId;
  result.petId = petId;
  result.userId = ws.connected.user.id;
  for (const c of [ws, polling, upgraded, other]) {
    c.socket.close();
  }
  return result;
});
