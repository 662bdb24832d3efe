// The support chat over Socket.IO with socket.io-client, next to a participant on the WebSocket
// chat (/v1/ws/chat, the `ws` package): a customer opens a conversation (joinChat ack), the
// advisor answers while no agent is assigned, an agent joins over WebSocket, another agent takes
// it over Socket.IO (assignAgent -> agentAssigned), messages go both ways between the protocols
// (ack {clientMessageId, id, sentAt}), typing and delivery receipts reach the others, history on
// a later join, bad input gets chatError with the socket still connected.
// ADMIN_PASSWORD: the configured administrator's (it gives the agents the STAFF role).
import { baseUrl, chatSocket, check, connect, register, rest, run, sleep, step, tenant, until } from './lib.js';

const EVENTS = ['chatMessage', 'messageDelivered', 'typingStarted', 'typingStopped', 'agentAssigned', 'chatError'];

/** emitWithAck with a deadline. */
const ask = (socket, event, payload) => socket.timeout(15000).emitWithAck(event, payload);

async function staff(prefix) {
  const user = await register(prefix);
  const admin = await rest('POST', '/v1/auth/tokens', { username: 'admin', password: process.env.ADMIN_PASSWORD });
  check(admin.status === 200, `admin sign-in: ${admin.status}`);
  const granted = await rest('PATCH', `/v1/admin/users/${user.id}/role`, { role: 'STAFF' }, admin.body.token);
  check(granted.status === 200, `grant STAFF: ${granted.status} ${JSON.stringify(granted.body)}`);
  return user;
}

run(async () => {
  const customer = await register('siocustomer');
  const wsAgentUser = await staff('siowsagent');
  const sioAgentUser = await staff('siosioagent');
  const stranger = await register('siostranger');
  const result = {};

  const c = await connect({ auth: { token: customer.token, tenant } }, EVENTS);
  check(!c.error, `customer connect: ${JSON.stringify(c.error)}`);
  result.customerConnected = c.connected;
  const cs = c.socket;

  step('joinChat without an id opens a conversation');
  const opened = await ask(cs, 'joinChat', { subject: 'My cat sneezes' });
  result.opened = opened;
  const conversationId = opened.conversation.id;

  step('a message before any agent: the advisor answers');
  const firstAck = await ask(cs, 'chatMessage', { conversationId, content: 'How often should a kitten eat?', clientMessageId: 'c-1' });
  result.firstAck = firstAck;
  await until(() => cs.received.chatMessage.some((m) => m.sender.role === 'ADVISOR'), 'the advisor reply');
  result.customerMessagesBeforeAgent = cs.received.chatMessage.map((m) => ({ id: m.id, role: m.sender.role, clientMessageId: m.clientMessageId }));

  step('an agent on the WebSocket chat joins');
  const wsAgent = await chatSocket(wsAgentUser.token);
  wsAgent.send(JSON.stringify({ type: 'joinChat', conversationId }));
  await until(() => wsAgent.of('joined').length === 1, 'ws joined');
  result.wsJoined = wsAgent.of('joined')[0];
  await until(() => cs.received.agentAssigned.length >= 1, 'agentAssigned to the customer (ws agent)');
  result.assignedToWsAgent = cs.received.agentAssigned[0];

  step('messages between the protocols');
  wsAgent.send(JSON.stringify({ type: 'chatMessage', conversationId, content: 'Hello from the WebSocket agent', clientMessageId: 'w-1' }));
  await until(() => cs.received.chatMessage.some((m) => m.content === 'Hello from the WebSocket agent'), 'ws -> sio message');
  const secondAck = await ask(cs, 'chatMessage', { conversationId, content: 'Hello from Socket.IO', clientMessageId: 'c-2' });
  result.secondAck = secondAck;
  await until(() => wsAgent.of('chatMessage').some((m) => m.content === 'Hello from Socket.IO'), 'sio -> ws message');
  result.wsSawSio = wsAgent.of('chatMessage').find((m) => m.content === 'Hello from Socket.IO');
  result.sioSawWs = cs.received.chatMessage.find((m) => m.content === 'Hello from the WebSocket agent');

  step('typing and delivery receipts');
  cs.emit('typingStarted', { conversationId });
  await until(() => wsAgent.of('typingStarted').length >= 1, 'typingStarted on ws');
  result.wsTyping = wsAgent.of('typingStarted')[0];
  cs.emit('messageDelivered', { conversationId, messageId: result.sioSawWs.id });
  await until(() => wsAgent.of('messageDelivered').length >= 1, 'messageDelivered on ws');
  result.wsDelivered = wsAgent.of('messageDelivered')[0];
  result.customerOwnTyping = cs.received.typingStarted.length;

  step('a Socket.IO agent takes the conversation');
  const a = await connect({ transports: ['polling'], auth: { token: sioAgentUser.token, tenant } }, EVENTS);
  check(!a.error, `agent connect: ${JSON.stringify(a.error)}`);
  result.agentConnected = a.connected;
  const joinedByAgent = await ask(a.socket, 'joinChat', { conversationId });
  result.agentHistory = joinedByAgent.history.map((m) => m.content);
  const assigned = await ask(a.socket, 'assignAgent', { conversationId });
  result.assignAck = assigned;
  await until(() => cs.received.agentAssigned.length >= 2, 'agentAssigned to the customer (sio agent)');
  await until(() => wsAgent.of('agentAssigned').some((m) => m.agent.id === sioAgentUser.id), 'agentAssigned on ws');
  result.reassigned = cs.received.agentAssigned[1];

  step('bad input');
  const errorsBefore = cs.received.chatError.length;
  const bad = {};
  bad.notAnObject = await ask(cs, 'chatMessage', 'just a string');
  bad.missingFields = await ask(cs, 'chatMessage', {});
  bad.wrongTypes = await ask(cs, 'chatMessage', { conversationId: 42, content: ['no'] });
  bad.unknownConversation = await ask(cs, 'joinChat', { conversationId: '01234567-89ab-7def-8123-456789abcdef' });
  bad.tooLong = await ask(cs, 'chatMessage', { conversationId, content: 'x'.repeat(4001), clientMessageId: 'c-long' });
  bad.customerAssigns = await ask(cs, 'assignAgent', { conversationId });
  cs.emit('noSuchEvent', { conversationId });
  const s = await connect({ transports: ['websocket'], auth: { token: stranger.token, tenant } }, EVENTS);
  bad.someoneElses = await ask(s.socket, 'joinChat', { conversationId });
  bad.strangerSend = await ask(s.socket, 'chatMessage', { conversationId, content: 'let me in' });
  await until(() => cs.received.chatError.length >= errorsBefore + 7, 'the chatErrors');
  result.bad = bad;
  result.chatErrors = cs.received.chatError.slice(errorsBefore);
  result.strangerErrors = s.socket.received.chatError;
  result.stillConnected = cs.connected && s.socket.connected;
  const afterBad = await ask(cs, 'chatMessage', { conversationId, content: 'Still here', clientMessageId: 'c-3' });
  result.afterBadAck = afterBad;

  step('leaveChat: no more messages of the conversation');
  const left = await ask(cs, 'leaveChat', { conversationId });
  result.left = left;
  const countAfterLeave = cs.received.chatMessage.length;
  await ask(a.socket, 'chatMessage', { conversationId, content: 'After the customer left' });
  await until(() => wsAgent.of('chatMessage').some((m) => m.content === 'After the customer left'), 'the agent message on ws');
  await sleep(300);
  result.customerAfterLeave = cs.received.chatMessage.length - countAfterLeave;

  step('a later join answers the history');
  const rejoined = await ask(cs, 'joinChat', { conversationId });
  result.history = rejoined.history.map((m) => ({ content: m.content, role: m.sender.role }));
  result.conversationId = conversationId;
  for (const socket of [cs, a.socket, s.socket]) {
    socket.close();
  }
  wsAgent.close();
  return result;
});
