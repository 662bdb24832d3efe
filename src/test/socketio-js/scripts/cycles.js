// CYCLES connections (default 20), each connected then closed, alternating WebSocket, polling and
// the default upgrade; resolves once every one has said `connected` and been closed. The Java test
// checks that the server's live-event subscriptions and per-user counts are back where they were.
import { check, connect, register, run, step, tenant } from './lib.js';

const cycles = Number(process.env.CYCLES || '20');
const transports = [['websocket'], ['polling'], undefined];

run(async () => {
  const user = await register('siocycle');
  let connected = 0;
  for (let i = 0; i < cycles; i++) {
    const options = { auth: { token: user.token, tenant } };
    if (transports[i % 3]) {
      options.transports = transports[i % 3];
    }
    const c = await connect(options);
    check(!c.error, `cycle ${i}: ${JSON.stringify(c.error)}`);
    connected++;
    c.socket.close();
  }
  step(`${connected} connections opened and closed`);
  return { connected };
});
