// Holds N concurrent WebSocket chat connections (/v1/ws/chat) and reports the server's resident
// memory before and after (from /proc/<pid>/status: server and client share the machine).
// Usage: node ws_connections.mjs BASE_URL SERVER_PID [N]. Prints one line:
// "<held> <rss before MiB> <rss after MiB> <ms to open all> <handshake p50 ms> <handshake p99 ms>".
import fs from 'fs';
import WebSocket from 'ws';

const [base, pid, count = '1000'] = process.argv.slice(2);
const n = Number(count);
const perUser = 10; // the default cap per user
const tenant = crypto.randomUUID();
const rss = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);

async function register(i) {
  const username = `wsbench${i}_${tenant.slice(0, 8)}`;
  const response = await fetch(`${base}/v1/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Tenant-ID': tenant },
    body: JSON.stringify({ username, firstName: 'Ws', lastName: 'Bench', email: `${username}@example.com`, password: 'SecurePass123!' }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

function open(token) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/v1/ws/chat?token=${token}&tenant=${tenant}`);
    socket.once('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connected') resolve({ socket, ms: Date.now() - started });
      else reject(new Error(`first message: ${data}`));
    });
    socket.once('unexpected-response', (request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const tokens = [];
for (let i = 0; i < Math.ceil(n / perUser); i++) tokens.push(await register(i));
global.gc?.();
const before = rss();
const started = Date.now();
const held = [];
for (let i = 0; i < n; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(n, i + 50); j++) batch.push(open(tokens[Math.floor(j / perUser)]));
  held.push(...await Promise.all(batch));
}
const openMs = Date.now() - started;
await new Promise((resolve) => setTimeout(resolve, 2000));
const after = rss();
const open1 = held.filter((h) => h.socket.readyState === WebSocket.OPEN).length;
const times = held.map((h) => h.ms).sort((a, b) => a - b);
console.log(`${open1} ${before} ${after} ${openMs} ${times[Math.floor(times.length / 2)]} ${times[Math.floor(times.length * 0.99)]}`);
await Promise.all(held.map((h) => new Promise((resolve) => { h.socket.once('close', resolve); h.socket.close(1000); })));
process.exit(0);
