// CPU per call of the KV hot-path steps that kv-wire.ts replaced, in process and in the same run (old and new
// alternate, so machine load hits both alike): a Range reply of 1 and of 10 keys (256 B values) on LMDB —
// applyRange + rangeToPb + protobufjs framing vs rangeStored + framedRangeResponse — and a Put's raft entry
// and reply — protobufjs InternalRaftRequest/PutResponse vs encodeInternalPut + framedPutResponse.
// Each variant checks it produced the same bytes as the other before timing.
//
//   npx tsx bench/kv-reply.ts [rounds=5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { etcdserverpb } from '../src/api/gen/etcd.js';
import { i64ToLong, u64ToLong } from '../src/api/long.ts';
import { encodeFramed } from '../src/http/grpc-h2.ts';
import { putToPb, rangeToPb } from '../src/server/v3/kv-convert.ts';
import {
  encodeInternalPut,
  encodeResponseHeader,
  framedPutResponse,
  framedRangeResponse,
} from '../src/server/v3/kv-wire.ts';
import { LmdbBackend } from '../src/storage/backend/lmdb-backend.ts';
import { WatchableStore } from '../src/storage/mvcc/watchable-store.ts';
import type { RangeRequest } from '../src/storage/mvcc/types.ts';

const rounds = Number(process.argv[2] ?? 5);
const CLUSTER = 0x1c2d3e4f5a6b7c8dn;
const MEMBER = 0x8e9f0a1b2c3d4e5fn;
const TERM = 7;
const B = (s: string): Buffer => Buffer.from(s, 'latin1');

const dir = mkdtempSync(join(tmpdir(), 'bench-kv-reply-'));
const backend = new LmdbBackend({ dir });
const store = new WatchableStore(backend);
const value = Buffer.alloc(256, 120);
for (let i = 0; i < 10; i++) store.applyPut({ key: B(`p${String(i).padStart(7, '0')}`), value });
store.applyPut({ key: B('r0000000'), value });
await backend.commit();

const pbHeader = (revision: number): etcdserverpb.IResponseHeader => ({
  cluster_id: u64ToLong(CLUSTER),
  member_id: u64ToLong(MEMBER),
  revision: i64ToLong(revision),
  raft_term: u64ToLong(BigInt(TERM)),
});

const oldRange = (r: RangeRequest): Buffer =>
  encodeFramed(etcdserverpb.RangeResponse, rangeToPb(store.applyRange(r), pbHeader));
const newRange = (r: RangeRequest): Buffer => {
  const s = store.rangeStored(r)!;
  return framedRangeResponse(encodeResponseHeader(CLUSTER, MEMBER, s.revision, TERM), s);
};

// The request as the front hands it over: decoded from the wire.
const putReq = etcdserverpb.PutRequest.decode(
  etcdserverpb.PutRequest.encode({ key: B('k0000001'), value }).finish(),
);
let id = 1n;
const oldPut = (): number => {
  const e = etcdserverpb.InternalRaftRequest.encode({
    put: putReq,
    header: { ID: u64ToLong(id++) },
  }).finish();
  return (
    e.length + encodeFramed(etcdserverpb.PutResponse, putToPb({ header: { revision: 5 } }, pbHeader)).length
  );
};
const newPut = (): number =>
  encodeInternalPut(id++, putReq).length +
  framedPutResponse(encodeResponseHeader(CLUSTER, MEMBER, 5, TERM)).length;

const one: RangeRequest = { key: B('r0000000') };
const ten: RangeRequest = { key: B('p'), rangeEnd: B('q') };
for (const r of [one, ten]) {
  if (!oldRange(r).equals(newRange(r))) throw new Error('range replies differ');
}
{
  const a = etcdserverpb.InternalRaftRequest.encode({ put: putReq, header: { ID: u64ToLong(99n) } }).finish();
  if (!Buffer.from(a).equals(Buffer.from(encodeInternalPut(99n, putReq))))
    throw new Error('put entries differ');
}

/** µs per call of fn over a timed batch. */
function perCall(n: number, fn: () => unknown): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / n;
}

const cases: Array<[string, () => unknown, () => unknown, number]> = [
  ['range 1 key', () => oldRange(one), () => newRange(one), 50_000],
  ['range 10 keys', () => oldRange(ten), () => newRange(ten), 20_000],
  ['put entry + reply', oldPut, newPut, 100_000],
];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`CPU µs per call, median of ${rounds} alternating rounds (old → new)`);
for (const [name, oldFn, newFn, n] of cases) {
  perCall(n / 5, oldFn);
  perCall(n / 5, newFn);
  const o: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < rounds; i++) {
    o.push(perCall(n, oldFn));
    w.push(perCall(n, newFn));
  }
  const mo = median(o);
  const mw = median(w);
  console.log(
    `  ${name.padEnd(20)} ${mo.toFixed(2).padStart(7)} → ${mw.toFixed(2).padStart(7)}  (${(mo / mw).toFixed(2)}×)`,
  );
}
await store.close();
await backend.close();
rmSync(dir, { recursive: true, force: true });
