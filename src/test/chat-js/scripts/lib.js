// A chat connection with the `ws` client: every message kept in order, waits with a deadline.
import WebSocket from 'ws';

export function connect(url, options = {}) {
  const socket = new WebSocket(url, options);
  const messages = [];
  const taken = new Set();
  const waiters = [];
  let closed = null;
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    waiters.forEach((wake) => wake());
  });
  socket.on('close', (code) => {
    closed = code;
    waiters.forEach((wake) => wake());
  });
  const opened = new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (request, response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${response.statusCode}`),
        { status: response.statusCode, contentType: response.headers['content-type'], body })));
    });
    socket.once('error', reject);
  });

  /** The first message not taken yet for which `test` holds, within `millis`. */
  function next(test, what, millis = 15000) {
    const predicate = typeof test === 'string' ? (m) => m.type === test : test;
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = 0; i < messages.length; i++) {
          if (!taken.has(i) && predicate(messages[i])) {
            taken.add(i);
            cleanup();
            resolve(messages[i]);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${what || test} within ${millis} ms (closed: ${closed}); received ${JSON.stringify(messages)}`));
      }, millis);
      const wake = () => { check(); };
      const cleanup = () => {
        clearTimeout(timer);
        const index = waiters.indexOf(wake);
        if (index >= 0) waiters.splice(index, 1);
      };
      if (!check()) waiters.push(wake);
    });
  }

  return {
    socket,
    opened,
    messages,
    next,
    send: (message) => socket.send(JSON.stringify(message)),
    all: (type) => messages.filter((m) => m.type === type),
    close: () => new Promise((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once('close', resolve);
      socket.close(1000, 'bye');
    }),
  };
}

export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function main(run) {
  try {
    const result = await run();
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    process.exit(0);
  } catch (error) {
    process.stderr.write((error && error.stack) || String(error));
    process.stderr.write('\n');
    process.exit(1);
  }
}
