// A customer opens a conversation and gets the advisor's reply; a STAFF agent joins (token in the
// Authorization header, tenant in X-Tenant-ID) and takes it; messages both ways, typing, delivery
// acknowledgements; a refused upgrade. Prints what each side received.
import { connect, env, main } from './lib.js';

main(async () => {
  const ws = env('PETSTORE_WS_URL');
  const tenant = env('PETSTORE_TENANT');
  const customerToken = env('CUSTOMER_TOKEN');
  const agentToken = env('AGENT_TOKEN');

  const customer = connect(`${ws}?token=${encodeURIComponent(customerToken)}&tenant=${tenant}`);
  await customer.opened;
  const customerConnected = await customer.next('connected');

  customer.send({ type: 'joinChat', subject: 'Feeding a new kitten' });
  const opened = await customer.next('joined');
  const conversationId = opened.conversation.id;

  customer.send({ type: 'chatMessage', conversationId, content: 'How often should I feed my kitten?', clientMessageId: 'js-1' });
  const ack = await customer.next('ack');
  const own = await customer.next((m) => m.type === 'chatMessage' && m.id === ack.id, 'own message');
  const advice = await customer.next((m) => m.type === 'chatMessage' && m.sender.role === 'ADVISOR', 'advisor reply', 30000);

  const agent = connect(ws, { headers: { Authorization: `Bearer ${agentToken}`, 'X-Tenant-ID': tenant } });
  await agent.opened;
  const agentConnected = await agent.next('connected');
  agent.send({ type: 'joinChat', conversationId });
  const agentJoined = await agent.next('joined');
  const assignedOnJoin = await customer.next('agentAssigned');
  agent.send({ type: 'assignAgent', conversationId });
  const assigned = await customer.next('agentAssigned');

  agent.send({ type: 'chatMessage', conversationId, content: 'Hello! Three to four small meals a day.', clientMessageId: 'agent-1' });
  const agentAck = await agent.next('ack');
  const fromAgent = await customer.next((m) => m.type === 'chatMessage' && m.sender.role === 'AGENT', 'agent message');
  customer.send({ type: 'messageDelivered', conversationId, messageId: fromAgent.id });
  const delivered = await agent.next('messageDelivered');

  customer.send({ type: 'typingStarted', conversationId });
  const typingStarted = await agent.next('typingStarted');
  customer.send({ type: 'typingStopped', conversationId });
  const typingStopped = await agent.next('typingStopped');
  customer.send({ type: 'chatMessage', conversationId, content: 'Thank you!', clientMessageId: 'js-2' });
  const thanks = await agent.next((m) => m.type === 'chatMessage' && m.content === 'Thank you!', 'thanks');
  await customer.next('ack');
  await customer.next((m) => m.type === 'chatMessage' && m.content === 'Thank you!', 'own thanks');

  customer.send({ type: 'chatMessage', conversationId: 'not-a-uuid', content: 'x' });
  const badRequest = await customer.next('error');

  let refused;
  try {
    const anonymous = connect(`${ws}?tenant=${tenant}`);
    await anonymous.opened;
    refused = { opened: true };
  } catch (error) {
    refused = { status: error.status, contentType: error.contentType, body: JSON.parse(error.body) };
  }

  await customer.close();
  await agent.close();
  return {
    conversationId,
    customerConnected, agentConnected, opened, ack, own, advice, agentJoined, assignedOnJoin, assigned, agentAck, fromAgent,
    delivered, typingStarted, typingStopped, thanks, badRequest, refused,
    customerTypes: customer.messages.map((m) => m.type),
    agentTypes: agent.messages.map((m) => m.type),
    customerMessages: customer.messages,
    agentMessages: agent.messages,
  };
});
