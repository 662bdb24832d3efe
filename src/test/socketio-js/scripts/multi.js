// Two servers on one database (MultiInstanceRealtimeTest): a Socket.IO client and a WebSocket chat
// client on A see an order change made through B's REST API; and one conversation spans the two:
// a message sent over WebSocket on B reaches the Socket.IO participant on A, and back.
//
//   PETSTORE_BASE_URL = A, PETSTORE_B_URL = B, PETSTORE_TENANT, USER_TOKEN, PET_ID
import { baseUrl, chatSocket, check, connect, run, step, tenant, until } from './lib.js';

const bUrl = (process.env.PETSTORE_B_URL || '').replace(/\/+$/, '');
const token = process.env.USER_TOKEN;
const petId = process.env.PET_ID;
check(bUrl && token && petId, 'PETSTORE_B_URL, USER_TOKEN and PET_ID are needed');

/** A REST call on B. */
async function onB(method, path, body) {
  const headers = { 'X-Tenant-ID': tenant, Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${bUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

run(async () => {
  step('a Socket.IO client and a WebSocket client on A');
  const sio = await connect({ auth: { token, tenant } }, ['orderStatusChanged', 'chatMessage']);
  check(!sio.error, `socket.io connect on A: ${JSON.stringify(sio.error)}`);
  const wsOnA = await chatSocket(token, baseUrl);

  step('an order placed and cancelled through B');
  const placed = await onB('POST', '/v1/orders', { petId });
  check(placed.status === 201, `place order on B: ${placed.status} ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.id;
  const cancelled = await onB('DELETE', `/v1/orders/${orderId}`);
  check(cancelled.status < 300, `cancel order on B: ${cancelled.status}`);
  const mineSio = () => sio.socket.received.orderStatusChanged.filter((e) => e.orderId === orderId);
  const mineWs = () => wsOnA.of('orderStatusChanged').filter((e) => e.orderId === orderId);
  await until(() => mineSio().length >= 2, 'Socket.IO on A: PLACED and CANCELLED');
  await until(() => mineWs().length >= 2, 'WebSocket on A: PLACED and CANCELLED');

  step('one conversation: Socket.IO on A, WebSocket on B');
  const opened = await sio.socket.timeout(15000).emitWithAck('joinChat', { subject: 'Across instances' });
  const conversationId = opened.conversation.id;
  const wsOnB = await chatSocket(token, bUrl);
  wsOnB.send(JSON.stringify({ type: 'joinChat', conversationId }));
  await until(() => wsOnB.of('joined').length === 1, 'joined on B');
  wsOnB.send(JSON.stringify({ type: 'chatMessage', conversationId, content: 'Sent on B', clientMessageId: 'b-1' }));
  await until(() => sio.socket.received.chatMessage.some((m) => m.content === 'Sent on B'), 'B -> A message');
  await sio.socket.timeout(15000).emitWithAck('chatMessage', { conversationId, content: 'Sent on A', clientMessageId: 'a-1' });
  await until(() => wsOnB.of('chatMessage').some((m) => m.content === 'Sent on A'), 'A -> B message');

  const result = {
    orderId,
    socketIo: mineSio().map((e) => e.status),
    webSocket: mineWs().map((e) => e.status),
    onA: sio.socket.received.chatMessage.find((m) => m.content === 'Sent on B'),
    onB: wsOnB.of('chatMessage').find((m) => m.content === 'Sent on A'),
    conversationId,
  };
  sio.socket.close();
  wsOnA.close();
  wsOnB.close();
  return result;
});
