// Unary calls/s through the front with a do-nothing Range handler: the ceiling the gRPC layer gives us here.
// Clients are separate processes speaking raw node:http2 with one pre-encoded gRPC frame, many streams in
// flight, so the client is not the bottleneck (on this 2-core machine they still share the CPU with the server).
// Compared in the same run: the front as members run it (protocol sniffing + the lean gRPC server of
// src/http/grpc-h2.ts), @grpc/grpc-js bound directly with the same do-nothing handler (no front, no adapter:
// what the front cost at best before grpc-h2 replaced it), and a real etcd 3.4 answering serializable Ranges
// (real work, for scale).
//
//   npx tsx bench/grpc-front.ts [seconds=5] [workers=2] [connections/worker=4] [streams/connection=32]
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, constants } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { etcdserverpb as pb } from '../src/api/gen/etcd.js';
import { startFront } from '../src/http/server.ts';

const RANGE_PATH = '/etcdserverpb.KV/Range';

/** One gRPC message frame: flag 0, 4-byte length, the encoded RangeRequest. */
function rangeFrame(): Buffer {
  const msg = pb.RangeRequest.encode({ key: Buffer.from('bench'), serializable: true }).finish();
  const frame = Buffer.alloc(5 + msg.length);
  frame.writeUInt32BE(msg.length, 1);
  frame.set(msg, 5);
  return frame;
}

// ---- worker: hammer `authority` until told to stop, report completed calls ----
async function worker(authority: string, connections: number, streams: number): Promise<void> {
  const frame = rangeFrame();
  let ok = 0;
  let failed = 0;
  let running = true;
  const headers = {
    [constants.HTTP2_HEADER_METHOD]: 'POST',
    [constants.HTTP2_HEADER_PATH]: RANGE_PATH,
    'content-type': 'application/grpc',
    te: 'trailers',
  };
  const sessions = Array.from({ length: connections }, () => connect(authority));
  const loop = (s: ReturnType<typeof connect>): void => {
    if (!running) return;
    const req = s.request(headers);
    let status: string | undefined;
    req.on('trailers', (t) => (status = String(t['grpc-status'])));
    req.on('response', (h) => {
      if (h['grpc-status'] !== undefined) status = String(h['grpc-status']);
    });
    req.on('data', () => {});
    req.on('close', () => {
      if (status === '0') ok++;
      else failed++;
      loop(s);
    });
    req.on('error', () => {});
    req.end(frame);
  };
  for (const s of sessions) {
    s.on('error', () => {});
    for (let i = 0; i < streams; i++) loop(s);
  }
  process.on('message', (m: string) => {
    if (m === 'count') process.send!({ ok, failed });
    if (m === 'stop') {
      running = false;
      for (const s of sessions) s.destroy();
      process.exit(0);
    }
  });
  process.send!('ready');
}

// ---- driver ----
function ask<T>(child: ChildProcess, msg: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg);
  });
}

/** CPU seconds (user + system) used so far by process `pid`, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

async function measure(
  authority: string,
  seconds: number,
  workers: number,
  conns: number,
  streams: number,
  serverPid: number,
) {
  const children = Array.from({ length: workers }, () =>
    fork(process.argv[1]!, ['--worker', authority, String(conns), String(streams)], {
      execArgv: ['--import', 'tsx'],
    }),
  );
  await Promise.all(children.map((c) => new Promise((r) => c.once('message', r))));
  const count = async (): Promise<{ ok: number; failed: number }> => {
    const all = await Promise.all(children.map((c) => ask<{ ok: number; failed: number }>(c, 'count')));
    return all.reduce((a, b) => ({ ok: a.ok + b.ok, failed: a.failed + b.failed }));
  };
  await new Promise((r) => setTimeout(r, 1000)); // warm-up
  const start = await count();
  const cpu0 = cpuSeconds(serverPid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const end = await count();
  const cpu = cpuSeconds(serverPid) - cpu0;
  const elapsed = (performance.now() - t0) / 1000;
  for (const c of children) c.send('stop');
  await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
  const calls = end.ok - start.ok;
  return { perSecond: calls / elapsed, perCpuSecond: calls / cpu, failed: end.failed - start.failed };
}

interface Target {
  authority: string;
  pid: number;
  stop: () => Promise<void>;
}

async function directGrpcJs(): Promise<Target> {
  const server = new grpc.Server();
  const header = { revision: 1 };
  server.register(
    RANGE_PATH,
    ((_call: unknown, cb: grpc.sendUnaryData<pb.IRangeResponse>) =>
      cb(null, { header })) as grpc.UntypedHandleCall,
    (r: pb.IRangeResponse) => Buffer.from(pb.RangeResponse.encode(r).finish()),
    (b: Buffer) => pb.RangeRequest.decode(b),
    'unary',
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return {
    authority: `http://127.0.0.1:${port}`,
    pid: process.pid,
    stop: () => new Promise((r) => server.tryShutdown(() => r())),
  };
}

async function realEtcd(): Promise<Target | undefined> {
  if (!existsSync('/usr/bin/etcd')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bench-etcd-'));
  const c = 23000 + Math.floor(Math.random() * 5000);
  const url = `http://127.0.0.1:${c}`;
  const peer = `http://127.0.0.1:${c + 1}`;
  const child = spawn(
    '/usr/bin/etcd',
    [
      '--data-dir',
      join(dir, 'd'),
      '--listen-client-urls',
      url,
      '--advertise-client-urls',
      url,
      '--listen-peer-urls',
      peer,
      '--initial-advertise-peer-urls',
      peer,
      '--initial-cluster',
      `default=${peer}`,
    ],
    { stdio: 'ignore' },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url + '/health')).ok) return { authority: url, pid: child.pid!, stop };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  return undefined;
}

async function frontTarget(): Promise<Target> {
  const header = { revision: 1 };
  const front = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers: { [RANGE_PATH]: async () => ({ header }) },
  });
  return { authority: front.addresses[0]!.origin, pid: process.pid, stop: () => front.close() };
}

async function main(): Promise<void> {
  const [seconds = 5, workers = 2, conns = 4, streams = 32, rounds = 2] = process.argv.slice(2).map(Number);
  const shape = `${workers} client processes × ${conns} connections × ${streams} streams, ${rounds} × ${seconds} s`;
  console.log(`unary Range, do-nothing handler; ${shape}`);
  console.log('calls/s depends on what else runs on the machine; calls per server CPU-second much less so.');
  const targets: [string, () => Promise<Target | undefined>][] = [
    ['front (startFront, lean grpc-h2)', frontTarget],
    ['grpc-js bound directly, no adapter', directGrpcJs],
    ['real etcd 3.4, serializable Range', realEtcd],
  ];
  const best = new Map<string, { perSecond: number; perCpuSecond: number }>();
  // Rounds interleave the targets so that a change in machine load hits all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const [name, make] of targets) {
      const t = await make();
      if (!t) continue;
      try {
        const r = await measure(t.authority, seconds, workers, conns, streams, t.pid);
        console.log(
          `${name.padEnd(40)} ${r.perSecond.toFixed(0).padStart(7)} calls/s ` +
            `${r.perCpuSecond.toFixed(0).padStart(7)} calls/server-CPU-s  (failed ${r.failed})`,
        );
        const b = best.get(name);
        best.set(name, {
          perSecond: Math.max(b?.perSecond ?? 0, r.perSecond),
          perCpuSecond: Math.max(b?.perCpuSecond ?? 0, r.perCpuSecond),
        });
      } finally {
        await t.stop();
      }
    }
  }
  const front = best.get(targets[0]![0])!;
  for (const [name] of targets.slice(1)) {
    const other = best.get(name);
    if (!other) continue;
    console.log(
      `front / ${name}: ${(front.perSecond / other.perSecond).toFixed(2)} (calls/s), ` +
        `${(front.perCpuSecond / other.perCpuSecond).toFixed(2)} (per CPU-s)`,
    );
  }
}

if (process.argv[2] === '--worker') {
  void worker(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
} else {
  await main();
}
