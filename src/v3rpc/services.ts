// etcd's v3 RPC services (KV, Watch, Lease, Cluster, Maintenance, Health) as transport-free
// handlers over one EtcdServer. The network front (src/http) serves them over gRPC and the JSON
// gateway alike. Every error leaves as an EtcdError with etcd's code and exact text.
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { etcdserverpb } from '../api/gen/etcd.js';
import { i64ToLong, longToI64, u64ToLong } from '../api/long.ts';
import type { AlarmMember, EtcdServer } from '../server/etcd-server.ts';
import { Framed, type CallContext, type HandlerTable } from '../http/handlers.ts';
import { healthService } from '../http/endpoints.ts';
import { toEtcdError } from '../server/errors.ts';
import { deleteRangeFromPb, putFromPb, txnFromPb } from '../server/v3/kv-convert.ts';
import { validateDeleteRangeRequest, validatePutRequest, validateTxnRequest } from '../storage/mvcc/apply.ts';
import { watchHandler } from './watch.ts';
import { OutQueue } from './out-queue.ts';

/** Snapshot stream chunk size, as etcd (32 KiB). */
const SNAPSHOT_CHUNK = 32 * 1024;

const wrap =
  <Req, Res>(fn: (req: Req, ctx: CallContext) => Promise<Res> | Res) =>
  async (req: Req, ctx: CallContext): Promise<Res> => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      throw toEtcdError(e);
    }
  };

export interface V3Options {
  progressNotifyIntervalMs: number;
  maxRequestBytes: number;
}

/** A reply the server handed back as gRPC-framed bytes goes out as a Framed; a message object as it is. */
const framedIfBytes = <T>(r: Buffer | T): Framed | T => (Buffer.isBuffer(r) ? new Framed(r) : r);

export function v3Handlers(srv: EtcdServer, opts: V3Options): HandlerTable {
  return {
    // Replies framed from stored bytes where the server can (the gateway decodes a Framed reply).
    '/etcdserverpb.KV/Range': wrap((r) => srv.rangeFramed(r).then(framedIfBytes)),
    // Requests are checked before they are proposed, as etcd's v3rpc does: a bad one never takes a raft entry.
    '/etcdserverpb.KV/Put': wrap((r: etcdserverpb.IPutRequest) => {
      validatePutRequest(putFromPb(r));
      return srv.putFramed(r).then(framedIfBytes);
    }),
    '/etcdserverpb.KV/DeleteRange': wrap((r: etcdserverpb.IDeleteRangeRequest) => {
      validateDeleteRangeRequest(deleteRangeFromPb(r));
      return srv.deleteRange(r);
    }),
    '/etcdserverpb.KV/Txn': wrap((r: etcdserverpb.ITxnRequest) => {
      validateTxnRequest(txnFromPb(r), srv.cfg.maxTxnOps);
      return srv.txn(r);
    }),
    '/etcdserverpb.KV/Compact': wrap((r) => srv.compact(r)),

    '/etcdserverpb.Watch/Watch': watchHandler(srv, opts),

    '/etcdserverpb.Lease/LeaseGrant': wrap((r) => srv.leaseGrant(r)),
    '/etcdserverpb.Lease/LeaseRevoke': wrap((r) => srv.leaseRevoke(r)),
    '/etcdserverpb.Lease/LeaseTimeToLive': wrap((r) => srv.leaseTimeToLive(r)),
    '/etcdserverpb.Lease/LeaseLeases': wrap(() => srv.leaseLeases()),
    '/etcdserverpb.Lease/LeaseKeepAlive': (requests, ctx) => {
      const out = new OutQueue<etcdserverpb.ILeaseKeepAliveResponse>();
      void (async () => {
        try {
          for await (const req of requests) {
            const id = longToI64(req.ID);
            const ttl = await srv.leaseRenew(id);
            out.push({ header: srv.header(), ID: i64ToLong(id), TTL: i64ToLong(ttl) });
          }
          out.end();
        } catch (e) {
          out.fail(toEtcdError(e));
        }
      })();
      ctx.signal.addEventListener('abort', () => out.end());
      return out;
    },

    '/etcdserverpb.Cluster/MemberList': wrap(() => srv.memberList()),
    '/etcdserverpb.Cluster/MemberAdd': wrap((r) => srv.memberAdd(r)),
    '/etcdserverpb.Cluster/MemberRemove': wrap((r) => srv.memberRemove(r)),
    '/etcdserverpb.Cluster/MemberUpdate': wrap((r) => srv.memberUpdate(r)),
    '/etcdserverpb.Cluster/MemberPromote': wrap((r) => srv.memberPromote(r)),

    // etcd 3.4 puts every alarm request through raft, GET included, and answers without a header
    // (its maintenance server does not fill one in): `etcdctl alarm list -w json` prints `{}`.
    '/etcdserverpb.Maintenance/Alarm': wrap(async (r: etcdserverpb.IAlarmRequest) => {
      const list = (await srv.propose({ alarm: r })) as AlarmMember[];
      return { alarms: list.map((a) => ({ memberID: u64ToLong(a.memberID), alarm: a.alarm })) };
    }),
    '/etcdserverpb.Maintenance/Status': wrap(() => srv.status()),
    '/etcdserverpb.Maintenance/Defragment': wrap(() => srv.defragment()),
    '/etcdserverpb.Maintenance/Hash': wrap(() => srv.hash()),
    '/etcdserverpb.Maintenance/HashKV': wrap((r) => srv.hashKV(r)),
    '/etcdserverpb.Maintenance/MoveLeader': wrap((r) => srv.moveLeader(r)),
    '/etcdserverpb.Maintenance/Snapshot': (_req, ctx) => snapshotStream(srv, ctx.signal),

    '/grpc.health.v1.Health/Check': healthService(async () => {
      const problem = srv.healthProblem();
      return problem ? { health: false, reason: problem } : { health: true };
    }),
  };
}

/**
 * etcd's Snapshot stream: the backend file in 32 KiB blobs, each with the bytes still to come, then
 * one last blob holding the SHA-256 of everything sent (clients verify it).
 */
async function* snapshotStream(
  srv: EtcdServer,
  signal: AbortSignal,
): AsyncGenerator<etcdserverpb.ISnapshotResponse> {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-snapshot-'));
  const file = join(dir, 'db');
  try {
    await srv.backend.snapshotTo(file);
    const size = statSync(file).size;
    const hash = createHash('sha256');
    const fd = openSync(file, 'r');
    try {
      let sent = 0;
      const buf = Buffer.alloc(SNAPSHOT_CHUNK);
      while (sent < size) {
        if (signal.aborted) return;
        const n = readSync(fd, buf, 0, Math.min(SNAPSHOT_CHUNK, size - sent), sent);
        if (n <= 0) throw new Error('snapshot file ended early');
        const blob = Buffer.from(buf.subarray(0, n));
        hash.update(blob);
        sent += n;
        yield { remaining_bytes: i64ToLong(size - sent), blob };
      }
    } finally {
      closeSync(fd);
    }
    yield { blob: hash.digest() };
  } catch (e) {
    throw toEtcdError(e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
