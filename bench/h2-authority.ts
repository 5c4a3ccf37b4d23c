// What the :authority filter (src/http/h2-authority.ts) costs per call: requests/s through a bare node:http2
// server handed (raw) the socket itself, (filter) an AuthorityFilter whose client sends a good authority
// (pass-through after the first request: what every connection cost before gateH2), (gate) whatever gateH2
// chooses for a client with a good authority (the socket itself), (rewritten) whatever gateH2 chooses for a
// client that sends `http://host:port` (the filter, every header block parsed and rewritten). Client and server
// share this process (and the machine's 2 cores): compare the rows, not the absolute numbers.
//
// On a busy machine the wall-clock rate swings with other load; CPU µs per request (this process, client and
// server together) much less, and the median over rounds (modes interleaved) less still.
//
//   npx tsx bench/h2-authority.ts [seconds=3] [connections=4] [streams/connection=32] [rounds=2]
import { connect, createServer as createH2Server, type ClientHttp2Session } from 'node:http2';
import { createServer, type Socket } from 'node:net';
import { AuthorityFilter, gateH2 } from '../src/http/h2-authority.ts';

const seconds = Number(process.argv[2] ?? 3);
const connections = Number(process.argv[3] ?? 4);
const streams = Number(process.argv[4] ?? 32);
const rounds = Number(process.argv[5] ?? 2);

type Mode = 'raw' | 'filter' | 'gate' | 'rewritten';

async function run(mode: Mode): Promise<{ rate: number; cpuPerReq: number }> {
  const h2 = createH2Server();
  h2.on('stream', (stream) => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
    stream.end(Buffer.alloc(16));
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    if (mode === 'raw') h2.emit('connection', socket);
    else if (mode === 'filter') h2.emit('connection', new AuthorityFilter(socket));
    else {
      gateH2(socket, {
        native: (s) => h2.emit('connection', s),
        filtered: (f) => h2.emit('connection', f),
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const authority = mode === 'rewritten' ? `http://127.0.0.1:${port}` : `127.0.0.1:${port}`;
  let done = 0;
  let running = true;
  const loop = (s: ClientHttp2Session): void => {
    if (!running) return;
    const req = s.request({
      ':method': 'POST',
      ':path': '/etcdserverpb.KV/Range',
      ':authority': authority,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    req.on('data', () => {});
    req.on('error', () => {});
    req.on('close', () => {
      done++;
      loop(s);
    });
    req.end(Buffer.alloc(16));
  };
  const sessions = Array.from({ length: connections }, () => connect(`http://127.0.0.1:${port}`));
  for (const s of sessions) {
    s.on('error', () => {});
    for (let i = 0; i < streams; i++) loop(s);
  }
  await new Promise((r) => setTimeout(r, 500)); // warm-up
  const start = done;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = process.cpuUsage(cpu0);
  const rate = ((done - start) * 1e9) / Number(process.hrtime.bigint() - t0);
  const cpuPerReq = (cpu.user + cpu.system) / (done - start);
  running = false;
  for (const s of sessions) s.destroy();
  for (const s of sockets) s.destroy();
  server.close();
  h2.close();
  return { rate, cpuPerReq };
}

const modes: Mode[] = ['raw', 'filter', 'gate', 'rewritten'];
const cpu = new Map<Mode, number[]>(modes.map((m) => [m, []]));
for (let round = 0; round < rounds; round++) {
  for (const mode of modes) {
    const { rate, cpuPerReq } = await run(mode);
    cpu.get(mode)!.push(cpuPerReq);
    console.log(
      `${mode.padEnd(10)} ${rate.toFixed(0).padStart(7)} req/s  ${cpuPerReq.toFixed(1).padStart(6)} CPU µs/req`,
    );
  }
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log('median CPU µs/req over rounds:');
for (const mode of modes)
  console.log(`  ${mode.padEnd(10)} ${median(cpu.get(mode)!).toFixed(1).padStart(6)}`);
