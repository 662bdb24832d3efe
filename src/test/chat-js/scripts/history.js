// After a restart: the customer joins the conversation again and gets its history.
import { connect, env, main } from './lib.js';

main(async () => {
  const ws = env('PETSTORE_WS_URL');
  const tenant = env('PETSTORE_TENANT');
  const customer = connect(`${ws}?token=${encodeURIComponent(env('CUSTOMER_TOKEN'))}&tenant=${tenant}`);
  await customer.opened;
  await customer.next('connected');
  customer.send({ type: 'joinChat', conversationId: env('CONVERSATION_ID') });
  const joined = await customer.next('joined');
  await customer.close();
  return { joined };
});
