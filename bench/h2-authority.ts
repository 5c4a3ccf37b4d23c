// What the :authority filter (src/http/h2-authority.ts) costs per call: requests/s through a bare node:http2
// server handed (a) the raw socket, (b) an AuthorityFilter whose client sends a good authority (pass-through after
// the first request), (c) an AuthorityFilter whose client sends `http://host:port` (every header block parsed
// and rewritten). Client and server share this process (and the machine's 2 cores): compare the rows, not the
// absolute numbers.
//
//   npx tsx bench/h2-authority.ts [seconds=3] [connections=4] [streams/connection=32]
import { connect, createServer as createH2Server, type ClientHttp2Session } from 'node:http2';
import { createServer, type Socket } from 'node:net';
import { AuthorityFilter } from '../src/http/h2-authority.ts';

const seconds = Number(process.argv[2] ?? 3);
const connections = Number(process.argv[3] ?? 4);
const streams = Number(process.argv[4] ?? 32);

async function run(mode: 'raw' | 'good' | 'rewritten'): Promise<number> {
  const h2 = createH2Server();
  h2.on('stream', (stream) => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
    stream.end(Buffer.alloc(16));
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    h2.emit('connection', mode === 'raw' ? socket : new AuthorityFilter(socket));
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
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const rate = ((done - start) * 1e9) / Number(process.hrtime.bigint() - t0);
  running = false;
  for (const s of sessions) s.destroy();
  for (const s of sockets) s.destroy();
  server.close();
  h2.close();
  return rate;
}

for (const mode of ['raw', 'good', 'rewritten', 'raw', 'good', 'rewritten'] as const) {
  const rate = await run(mode);
  console.log(`${mode.padEnd(10)} ${rate.toFixed(0).padStart(7)} req/s  ${(1e6 / rate).toFixed(1)} µs/req`);
}
