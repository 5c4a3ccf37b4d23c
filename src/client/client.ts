// The etcd v3 client: generic gRPC calls over the method table (src/api/grpc-services.ts) with endpoint
// failover, retries of safe calls, auth tokens, plus thin convenience methods returning protobufjs objects.
import * as grpc from '@grpc/grpc-js';
import { EtcdError, GrpcCode } from '../api/errors.ts';
import { etcdserverpb as pb } from '../api/gen/etcd.js';
import { methodByPath, type GrpcMethod, type GrpcMethodAt, type GrpcPath } from '../api/grpc-services.ts';
import { AsyncQueue } from './async-queue.ts';
import { ChannelPool, type Conn, type TlsOptions } from './channel-pool.ts';
import { deadlineError, isEndpointFailure, markAuthFailure, toEtcdError } from './client-error.ts';
import { bytes, int64, prefixEnd, toNum, uint64, type Bytes, type Int64 } from './values.ts';
import { LeaseKeepAlive } from './lease-keepalive.ts';
import { Watch, type WatchOptions } from './watch.ts';

export interface ClientOptions {
  endpoints: readonly string[];
  /** Longest wait for one endpoint to connect before trying the next (etcdctl --dial-timeout, 2 s). */
  dialTimeoutMs?: number;
  /** Deadline of each unary call, retries included (etcdctl --command-timeout, 5 s). */
  commandTimeoutMs?: number;
  tls?: TlsOptions;
  auth?: { user: string; password: string };
  /** HTTP/2 keepalive ping interval (etcdctl --keepalive-time, 2 s) and its ack timeout (6 s). */
  keepAliveTimeMs?: number;
  keepAliveTimeoutMs?: number;
}

export type ReqOf<P extends GrpcPath> =
  GrpcMethodAt<P> extends GrpcMethod<any, any, infer I, any> ? I : never;
export type ResOf<P extends GrpcPath> =
  GrpcMethodAt<P> extends GrpcMethod<any, infer R, any, any> ? R : never;

export interface CallOptions {
  /** Overrides the command timeout for this call. */
  timeoutMs?: number;
  /** Call exactly this endpoint (index into endpoints): no failover. For per-endpoint maintenance. */
  endpoint?: number;
}

/** Calls that read or are idempotent: retried on another endpoint after an endpoint failure (clientv3's list). */
const SAFE_METHODS = new Set<string>([
  '/etcdserverpb.KV/Range',
  '/etcdserverpb.Lease/LeaseTimeToLive',
  '/etcdserverpb.Lease/LeaseLeases',
  '/etcdserverpb.Cluster/MemberList',
  '/etcdserverpb.Maintenance/Status',
  '/etcdserverpb.Maintenance/Hash',
  '/etcdserverpb.Maintenance/HashKV',
  '/etcdserverpb.Maintenance/Snapshot',
  '/etcdserverpb.Auth/UserGet',
  '/etcdserverpb.Auth/UserList',
  '/etcdserverpb.Auth/RoleGet',
  '/etcdserverpb.Auth/RoleList',
  '/etcdserverpb.Auth/Authenticate',
]);

function codecs(m: GrpcMethod): { ser: (v: any) => Buffer; de: (b: Buffer) => any } {
  return {
    ser: (v) => {
      const w = m.request.encode(v).finish();
      return Buffer.from(w.buffer, w.byteOffset, w.byteLength);
    },
    de: (b) => m.response.decode(b),
  };
}

export class Client {
  readonly pool: ChannelPool;
  readonly dialTimeoutMs: number;
  readonly commandTimeoutMs: number;
  private readonly auth: { user: string; password: string } | undefined;
  private token: string | undefined;
  private tokenPending: Promise<string> | undefined;

  constructor(opts: ClientOptions) {
    this.dialTimeoutMs = opts.dialTimeoutMs ?? 2000;
    this.commandTimeoutMs = opts.commandTimeoutMs ?? 5000;
    this.auth = opts.auth;
    this.pool = new ChannelPool(opts.endpoints, {
      dialTimeoutMs: this.dialTimeoutMs,
      keepAliveTimeMs: opts.keepAliveTimeMs ?? 2000,
      keepAliveTimeoutMs: opts.keepAliveTimeoutMs ?? 6000,
      tls: opts.tls,
    });
  }

  get endpoints(): readonly string[] {
    return this.pool.endpoints.map((e) => e.raw);
  }

  close(): void {
    this.pool.close();
  }

  /** A connected endpoint: the given one, or the current one with failover. */
  async connect(deadline: number, endpoint?: number): Promise<Conn> {
    if (endpoint === undefined) return this.pool.ready(deadline);
    const c = this.pool.conn(endpoint);
    const ok = await new Promise<boolean>((resolve) => c.client.waitForReady(deadline, (e) => resolve(!e)));
    if (!ok) throw deadlineError();
    return c;
  }

  /** Call metadata carrying the auth token, authenticating first when credentials are set. */
  async metadata(c: Conn, deadline: number): Promise<grpc.Metadata> {
    const md = new grpc.Metadata();
    if (this.auth !== undefined) md.set('token', await this.getToken(c, deadline));
    return md;
  }

  private getToken(c: Conn, deadline: number): Promise<string> {
    if (this.token !== undefined) return Promise.resolve(this.token);
    this.tokenPending ??= this.rawUnary(
      c,
      methodByPath('/etcdserverpb.Auth/Authenticate'),
      { name: this.auth!.user, password: this.auth!.password },
      new grpc.Metadata(),
      deadline,
    ).then(
      (r: pb.AuthenticateResponse) => {
        this.token = r.token;
        this.tokenPending = undefined;
        return r.token;
      },
      (e: unknown) => {
        this.tokenPending = undefined;
        markAuthFailure(e);
        throw e;
      },
    );
    return this.tokenPending;
  }

  private rawUnary(c: Conn, m: GrpcMethod, req: unknown, md: grpc.Metadata, deadline: number): Promise<any> {
    const { ser, de } = codecs(m);
    return new Promise((resolve, reject) => {
      c.client.makeUnaryRequest(m.path, ser, de, req, md, { deadline }, (err, res) => {
        if (err) reject(toEtcdError(err));
        else resolve(res);
      });
    });
  }

  /**
   * One unary call by gRPC path. Endpoint failures move to the next endpoint; the call is repeated there
   * only when it is safe to run twice (reads, idempotent calls) — a write may already have been applied.
   * An expired auth token is renewed once.
   */
  async call<P extends GrpcPath>(path: P, req: ReqOf<P>, opts: CallOptions = {}): Promise<ResOf<P>> {
    const m = methodByPath(path) as GrpcMethod;
    const deadline = Date.now() + (opts.timeoutMs ?? this.commandTimeoutMs);
    const safe = SAFE_METHODS.has(path);
    let renewed = false;
    for (;;) {
      const c = await this.connect(deadline, opts.endpoint);
      try {
        const md = await this.metadata(c, deadline);
        return await this.rawUnary(c, m, req, md, deadline);
      } catch (e) {
        const err = toEtcdError(e);
        if (err.is('InvalidAuthToken') && this.auth !== undefined && !renewed) {
          renewed = true;
          this.token = undefined;
          continue;
        }
        if (opts.endpoint === undefined && isEndpointFailure(err)) {
          this.pool.markFailed(c);
          if (safe && Date.now() < deadline) continue;
        }
        throw err;
      }
    }
  }

  /** A server-streaming call (Snapshot, Observe) as an async iterator; no deadline after connecting. */
  async serverStream<P extends GrpcPath>(
    path: P,
    req: ReqOf<P>,
    opts: CallOptions = {},
  ): Promise<AsyncQueue<ResOf<P>>> {
    const m = methodByPath(path) as GrpcMethod;
    const deadline = Date.now() + (opts.timeoutMs ?? this.commandTimeoutMs);
    const c = await this.connect(deadline, opts.endpoint);
    const md = await this.metadata(c, deadline);
    const { ser, de } = codecs(m);
    const call = c.client.makeServerStreamRequest(m.path, ser, de, req, md, {});
    const q = new AsyncQueue<ResOf<P>>(() => call.cancel());
    call.on('data', (d) => q.push(d));
    call.on('error', (e) => q.fail(toEtcdError(e)));
    call.on('end', () => q.close());
    return q;
  }

  /** A raw bidirectional stream on a connected endpoint (Watch, LeaseKeepAlive). */
  async bidi<P extends GrpcPath>(
    path: P,
    deadline: number,
    endpoint?: number,
  ): Promise<{ conn: Conn; stream: grpc.ClientDuplexStream<ReqOf<P>, ResOf<P>> }> {
    const m = methodByPath(path) as GrpcMethod;
    const conn = await this.connect(deadline, endpoint);
    const md = await this.metadata(conn, deadline);
    const { ser, de } = codecs(m);
    return { conn, stream: conn.client.makeBidiStreamRequest(m.path, ser, de, md, {}) };
  }

  // ---- KV ----

  range(req: pb.RangeRequest.$Properties, opts?: CallOptions): Promise<pb.RangeResponse> {
    return this.call('/etcdserverpb.KV/Range', req, opts);
  }

  /** Range of one key, or with `prefix` of every key starting with it. */
  get(
    key: Bytes,
    opts: Omit<pb.RangeRequest.$Properties, 'key'> & { prefix?: boolean } = {},
  ): Promise<pb.RangeResponse> {
    const { prefix, ...rest } = opts;
    return this.range({ key: bytes(key), ...(prefix ? { range_end: prefixEnd(key) } : {}), ...rest });
  }

  put(
    key: Bytes,
    value: Bytes,
    opts: Omit<pb.PutRequest.$Properties, 'key' | 'value'> = {},
  ): Promise<pb.PutResponse> {
    return this.call('/etcdserverpb.KV/Put', { key: bytes(key), value: bytes(value), ...opts });
  }

  deleteRange(req: pb.DeleteRangeRequest.$Properties, opts?: CallOptions): Promise<pb.DeleteRangeResponse> {
    return this.call('/etcdserverpb.KV/DeleteRange', req, opts);
  }

  delete(
    key: Bytes,
    opts: Omit<pb.DeleteRangeRequest.$Properties, 'key'> & { prefix?: boolean } = {},
  ): Promise<pb.DeleteRangeResponse> {
    const { prefix, ...rest } = opts;
    return this.deleteRange({ key: bytes(key), ...(prefix ? { range_end: prefixEnd(key) } : {}), ...rest });
  }

  txn(req: pb.TxnRequest.$Properties, opts?: CallOptions): Promise<pb.TxnResponse> {
    return this.call('/etcdserverpb.KV/Txn', req, opts);
  }

  compact(revision: Int64, physical = false, opts?: CallOptions): Promise<pb.CompactionResponse> {
    return this.call('/etcdserverpb.KV/Compact', { revision: int64(revision), physical }, opts);
  }

  // ---- Watch ----

  /** Watch `key` (or a range); iterate the responses. Resumes after the last seen revision on reconnect. */
  watch(key: Bytes, opts: WatchOptions = {}): Watch {
    return new Watch(this, bytes(key), opts);
  }

  // ---- Lease ----

  leaseGrant(ttlSeconds: number, id: Int64 = 0): Promise<pb.LeaseGrantResponse> {
    return this.call('/etcdserverpb.Lease/LeaseGrant', { TTL: ttlSeconds, ID: int64(id) });
  }

  leaseRevoke(id: Int64): Promise<pb.LeaseRevokeResponse> {
    return this.call('/etcdserverpb.Lease/LeaseRevoke', { ID: int64(id) });
  }

  leaseTimeToLive(id: Int64, keys = false): Promise<pb.LeaseTimeToLiveResponse> {
    return this.call('/etcdserverpb.Lease/LeaseTimeToLive', { ID: int64(id), keys });
  }

  leaseLeases(): Promise<pb.LeaseLeasesResponse> {
    return this.call('/etcdserverpb.Lease/LeaseLeases', {});
  }

  /** Renews the lease every TTL/3 until closed; iterate the responses. Ends when the lease is gone (TTL ≤ 0). */
  keepAlive(id: Int64): LeaseKeepAlive {
    return new LeaseKeepAlive(this, int64(id));
  }

  /** One renewal; etcd answers TTL ≤ 0 for a missing lease, reported here as "requested lease not found". */
  async keepAliveOnce(id: Int64, opts: CallOptions = {}): Promise<pb.LeaseKeepAliveResponse> {
    const deadline = Date.now() + (opts.timeoutMs ?? this.commandTimeoutMs);
    const { stream } = await this.bidi('/etcdserverpb.Lease/LeaseKeepAlive', deadline, opts.endpoint);
    try {
      const res = await new Promise<pb.LeaseKeepAliveResponse>((resolve, reject) => {
        const t = setTimeout(() => reject(deadlineError()), Math.max(0, deadline - Date.now()));
        stream.once('data', (d: pb.LeaseKeepAliveResponse) => {
          clearTimeout(t);
          resolve(d);
        });
        stream.once('error', (e) => {
          clearTimeout(t);
          reject(toEtcdError(e));
        });
        stream.write({ ID: int64(id) });
      });
      if (toNum(res.TTL) <= 0) throw EtcdError.of('LeaseNotFound');
      return res;
    } finally {
      stream.on('error', () => {});
      stream.cancel();
    }
  }

  // ---- Cluster ----

  memberList(opts?: CallOptions): Promise<pb.MemberListResponse> {
    return this.call('/etcdserverpb.Cluster/MemberList', {}, opts);
  }

  memberAdd(peerURLs: string[], isLearner = false): Promise<pb.MemberAddResponse> {
    return this.call('/etcdserverpb.Cluster/MemberAdd', { peerURLs, isLearner });
  }

  memberRemove(id: Int64): Promise<pb.MemberRemoveResponse> {
    return this.call('/etcdserverpb.Cluster/MemberRemove', { ID: uint64(id) });
  }

  memberUpdate(id: Int64, peerURLs: string[]): Promise<pb.MemberUpdateResponse> {
    return this.call('/etcdserverpb.Cluster/MemberUpdate', { ID: uint64(id), peerURLs });
  }

  memberPromote(id: Int64): Promise<pb.MemberPromoteResponse> {
    return this.call('/etcdserverpb.Cluster/MemberPromote', { ID: uint64(id) });
  }

  // ---- Maintenance ----

  status(opts?: CallOptions): Promise<pb.StatusResponse> {
    return this.call('/etcdserverpb.Maintenance/Status', {}, opts);
  }

  alarm(req: pb.AlarmRequest.$Properties, opts?: CallOptions): Promise<pb.AlarmResponse> {
    return this.call('/etcdserverpb.Maintenance/Alarm', req, opts);
  }

  defragment(opts?: CallOptions): Promise<pb.DefragmentResponse> {
    return this.call('/etcdserverpb.Maintenance/Defragment', {}, opts);
  }

  hashKV(revision: Int64 = 0, opts?: CallOptions): Promise<pb.HashKVResponse> {
    return this.call('/etcdserverpb.Maintenance/HashKV', { revision: int64(revision) }, opts);
  }

  snapshot(opts?: CallOptions): Promise<AsyncQueue<pb.SnapshotResponse>> {
    return this.serverStream('/etcdserverpb.Maintenance/Snapshot', {}, opts);
  }

  moveLeader(targetID: Int64, opts?: CallOptions): Promise<pb.MoveLeaderResponse> {
    return this.call('/etcdserverpb.Maintenance/MoveLeader', { targetID: uint64(targetID) }, opts);
  }
}

export { GrpcCode };
export { isAuthFailure } from './client-error.ts';
export { bytes, int64, prefixEnd, toBig, toNum, uint64, type Bytes, type Int64 } from './values.ts';
