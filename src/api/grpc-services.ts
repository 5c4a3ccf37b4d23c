// Every gRPC method etcd 3.4 serves: its full path, streaming kind, request/response codecs and the JSON
// gateway path(s). Servers mount handlers from this table; clients and tests look methods up in it.
// Names, kinds and gateway paths are checked against the descriptors inside /usr/bin/etcd
// (test/compat/proto-descriptor.test.ts) and the gateway paths against a running etcd.
import type { IConversionOptions, Reader, Writer } from 'protobufjs';
import { etcdserverpb as pb, grpc, v3electionpb, v3lockpb } from './gen/etcd.js';

/**
 * The static side of a generated message class: all a server or client needs to move the message.
 * T is the decoded message; P what encode accepts (the generated `$Properties`: every field optional).
 */
export interface MessageCodec<T = object, P = T> {
  encode(message: P, writer?: Writer): Writer;
  decode(reader: Reader | Uint8Array, length?: number): T;
  /** Plain JS object (e.g. parsed gateway JSON) → message; accepts strings for 64-bit fields and base64 for bytes. */
  fromObject(object: { [k: string]: any }): T;
  toObject(message: T, options?: IConversionOptions): { [k: string]: any };
  /** `type.googleapis.com/<package>.<Message>` — names the proto type. */
  getTypeUrl(prefix?: string): string;
}

/** gRPC streaming shape: unary, server streams responses, client streams requests, or both stream. */
export type MethodKind = 'unary' | 'server-stream' | 'client-stream' | 'bidi';

export interface GrpcMethod<Req = any, Res = any, ReqIn = any, ResIn = any> {
  /** Fully qualified service name, e.g. `etcdserverpb.KV`. */
  readonly service: string;
  readonly method: string;
  /** HTTP/2 path of the call, e.g. `/etcdserverpb.KV/Range`. */
  readonly path: string;
  readonly kind: MethodKind;
  readonly request: MessageCodec<Req, ReqIn>;
  readonly response: MessageCodec<Res, ResIn>;
  /**
   * POST paths of etcd 3.4's JSON gateway (google.api.http in its protos), `/v3/...` form; etcd also serves
   * every one under `/v3beta/...` (see gatewayPaths). Empty when the method has no gateway route.
   */
  readonly httpPaths: readonly string[];
}

function def<const S extends string, const M extends string, Req, ReqIn, Res, ResIn>(
  service: S,
  method: M,
  kind: MethodKind,
  request: MessageCodec<Req, ReqIn>,
  response: MessageCodec<Res, ResIn>,
  httpPaths: readonly string[] = [],
): GrpcMethod<Req, Res, ReqIn, ResIn> & {
  readonly service: S;
  readonly method: M;
  readonly path: `/${S}/${M}`;
} {
  return { service, method, path: `/${service}/${method}`, kind, request, response, httpPaths };
}

const KV = 'etcdserverpb.KV';
const WATCH = 'etcdserverpb.Watch';
const LEASE = 'etcdserverpb.Lease';
const CLUSTER = 'etcdserverpb.Cluster';
const MAINT = 'etcdserverpb.Maintenance';
const AUTH = 'etcdserverpb.Auth';
const ELECTION = 'v3electionpb.Election';
const LOCK = 'v3lockpb.Lock';
const HEALTH = 'grpc.health.v1.Health';
const ev = v3electionpb;
const hv = grpc.health.v1;

export const GRPC_METHODS = [
  def(KV, 'Range', 'unary', pb.RangeRequest, pb.RangeResponse, ['/v3/kv/range']),
  def(KV, 'Put', 'unary', pb.PutRequest, pb.PutResponse, ['/v3/kv/put']),
  def(KV, 'DeleteRange', 'unary', pb.DeleteRangeRequest, pb.DeleteRangeResponse, ['/v3/kv/deleterange']),
  def(KV, 'Txn', 'unary', pb.TxnRequest, pb.TxnResponse, ['/v3/kv/txn']),
  def(KV, 'Compact', 'unary', pb.CompactionRequest, pb.CompactionResponse, ['/v3/kv/compaction']),

  def(WATCH, 'Watch', 'bidi', pb.WatchRequest, pb.WatchResponse, ['/v3/watch']),

  def(LEASE, 'LeaseGrant', 'unary', pb.LeaseGrantRequest, pb.LeaseGrantResponse, ['/v3/lease/grant']),
  def(LEASE, 'LeaseRevoke', 'unary', pb.LeaseRevokeRequest, pb.LeaseRevokeResponse, [
    '/v3/lease/revoke',
    '/v3/kv/lease/revoke',
  ]),
  def(LEASE, 'LeaseKeepAlive', 'bidi', pb.LeaseKeepAliveRequest, pb.LeaseKeepAliveResponse, [
    '/v3/lease/keepalive',
  ]),
  def(LEASE, 'LeaseTimeToLive', 'unary', pb.LeaseTimeToLiveRequest, pb.LeaseTimeToLiveResponse, [
    '/v3/lease/timetolive',
    '/v3/kv/lease/timetolive',
  ]),
  def(LEASE, 'LeaseLeases', 'unary', pb.LeaseLeasesRequest, pb.LeaseLeasesResponse, [
    '/v3/lease/leases',
    '/v3/kv/lease/leases',
  ]),

  def(CLUSTER, 'MemberAdd', 'unary', pb.MemberAddRequest, pb.MemberAddResponse, ['/v3/cluster/member/add']),
  def(CLUSTER, 'MemberRemove', 'unary', pb.MemberRemoveRequest, pb.MemberRemoveResponse, [
    '/v3/cluster/member/remove',
  ]),
  def(CLUSTER, 'MemberUpdate', 'unary', pb.MemberUpdateRequest, pb.MemberUpdateResponse, [
    '/v3/cluster/member/update',
  ]),
  def(CLUSTER, 'MemberList', 'unary', pb.MemberListRequest, pb.MemberListResponse, [
    '/v3/cluster/member/list',
  ]),
  def(CLUSTER, 'MemberPromote', 'unary', pb.MemberPromoteRequest, pb.MemberPromoteResponse, [
    '/v3/cluster/member/promote',
  ]),

  def(MAINT, 'Alarm', 'unary', pb.AlarmRequest, pb.AlarmResponse, ['/v3/maintenance/alarm']),
  def(MAINT, 'Status', 'unary', pb.StatusRequest, pb.StatusResponse, ['/v3/maintenance/status']),
  def(MAINT, 'Defragment', 'unary', pb.DefragmentRequest, pb.DefragmentResponse, [
    '/v3/maintenance/defragment',
  ]),
  def(MAINT, 'Hash', 'unary', pb.HashRequest, pb.HashResponse, ['/v3/maintenance/hash']),
  // etcd 3.4's proto gives HashKV the same gateway path as Hash, and a running etcd answers that path with
  // Hash; methodByGatewayPath resolves it the same way (first entry wins).
  def(MAINT, 'HashKV', 'unary', pb.HashKVRequest, pb.HashKVResponse, ['/v3/maintenance/hash']),
  def(MAINT, 'Snapshot', 'server-stream', pb.SnapshotRequest, pb.SnapshotResponse, [
    '/v3/maintenance/snapshot',
  ]),
  def(MAINT, 'MoveLeader', 'unary', pb.MoveLeaderRequest, pb.MoveLeaderResponse, [
    '/v3/maintenance/transfer-leadership',
  ]),

  def(AUTH, 'AuthEnable', 'unary', pb.AuthEnableRequest, pb.AuthEnableResponse, ['/v3/auth/enable']),
  def(AUTH, 'AuthDisable', 'unary', pb.AuthDisableRequest, pb.AuthDisableResponse, ['/v3/auth/disable']),
  def(AUTH, 'Authenticate', 'unary', pb.AuthenticateRequest, pb.AuthenticateResponse, [
    '/v3/auth/authenticate',
  ]),
  def(AUTH, 'UserAdd', 'unary', pb.AuthUserAddRequest, pb.AuthUserAddResponse, ['/v3/auth/user/add']),
  def(AUTH, 'UserGet', 'unary', pb.AuthUserGetRequest, pb.AuthUserGetResponse, ['/v3/auth/user/get']),
  def(AUTH, 'UserList', 'unary', pb.AuthUserListRequest, pb.AuthUserListResponse, ['/v3/auth/user/list']),
  def(AUTH, 'UserDelete', 'unary', pb.AuthUserDeleteRequest, pb.AuthUserDeleteResponse, [
    '/v3/auth/user/delete',
  ]),
  def(
    AUTH,
    'UserChangePassword',
    'unary',
    pb.AuthUserChangePasswordRequest,
    pb.AuthUserChangePasswordResponse,
    ['/v3/auth/user/changepw'],
  ),
  def(AUTH, 'UserGrantRole', 'unary', pb.AuthUserGrantRoleRequest, pb.AuthUserGrantRoleResponse, [
    '/v3/auth/user/grant',
  ]),
  def(AUTH, 'UserRevokeRole', 'unary', pb.AuthUserRevokeRoleRequest, pb.AuthUserRevokeRoleResponse, [
    '/v3/auth/user/revoke',
  ]),
  def(AUTH, 'RoleAdd', 'unary', pb.AuthRoleAddRequest, pb.AuthRoleAddResponse, ['/v3/auth/role/add']),
  def(AUTH, 'RoleGet', 'unary', pb.AuthRoleGetRequest, pb.AuthRoleGetResponse, ['/v3/auth/role/get']),
  def(AUTH, 'RoleList', 'unary', pb.AuthRoleListRequest, pb.AuthRoleListResponse, ['/v3/auth/role/list']),
  def(AUTH, 'RoleDelete', 'unary', pb.AuthRoleDeleteRequest, pb.AuthRoleDeleteResponse, [
    '/v3/auth/role/delete',
  ]),
  def(
    AUTH,
    'RoleGrantPermission',
    'unary',
    pb.AuthRoleGrantPermissionRequest,
    pb.AuthRoleGrantPermissionResponse,
    ['/v3/auth/role/grant'],
  ),
  def(
    AUTH,
    'RoleRevokePermission',
    'unary',
    pb.AuthRoleRevokePermissionRequest,
    pb.AuthRoleRevokePermissionResponse,
    ['/v3/auth/role/revoke'],
  ),

  def(ELECTION, 'Campaign', 'unary', ev.CampaignRequest, ev.CampaignResponse, ['/v3/election/campaign']),
  def(ELECTION, 'Proclaim', 'unary', ev.ProclaimRequest, ev.ProclaimResponse, ['/v3/election/proclaim']),
  def(ELECTION, 'Leader', 'unary', ev.LeaderRequest, ev.LeaderResponse, ['/v3/election/leader']),
  def(ELECTION, 'Observe', 'server-stream', ev.LeaderRequest, ev.LeaderResponse, ['/v3/election/observe']),
  def(ELECTION, 'Resign', 'unary', ev.ResignRequest, ev.ResignResponse, ['/v3/election/resign']),

  def(LOCK, 'Lock', 'unary', v3lockpb.LockRequest, v3lockpb.LockResponse, ['/v3/lock/lock']),
  def(LOCK, 'Unlock', 'unary', v3lockpb.UnlockRequest, v3lockpb.UnlockResponse, ['/v3/lock/unlock']),

  // Registered by etcd with the empty service name; no gateway route (etcd serves /health over HTTP itself).
  def(HEALTH, 'Check', 'unary', hv.HealthCheckRequest, hv.HealthCheckResponse),
  def(HEALTH, 'Watch', 'server-stream', hv.HealthCheckRequest, hv.HealthCheckResponse),
] as const;

/** Union of the table's gRPC paths, e.g. `'/etcdserverpb.KV/Range'`. */
export type GrpcPath = (typeof GRPC_METHODS)[number]['path'];
/** The table entry for a path literal, with its request/response types kept. */
export type GrpcMethodAt<P extends GrpcPath> = Extract<(typeof GRPC_METHODS)[number], { path: P }>;

const byPath = new Map<string, GrpcMethod>(GRPC_METHODS.map((m) => [m.path, m]));
const byGatewayPath = new Map<string, GrpcMethod>();
for (const m of GRPC_METHODS) {
  for (const p of m.httpPaths) if (!byGatewayPath.has(p)) byGatewayPath.set(p, m);
}

/** The method behind a gRPC path such as `/etcdserverpb.KV/Range`. */
export function methodByPath<P extends GrpcPath>(path: P): GrpcMethodAt<P>;
export function methodByPath(path: string): GrpcMethod | undefined;
export function methodByPath(path: string): GrpcMethod | undefined {
  return byPath.get(path);
}

/** Gateway prefixes etcd 3.4 serves: `/v3` and the older `/v3beta` (`/v3alpha` is gone: 404). */
export const GATEWAY_PREFIXES = ['/v3', '/v3beta'] as const;

/** Every gateway path of a method, under each served prefix. */
export function gatewayPaths(m: GrpcMethod): string[] {
  return GATEWAY_PREFIXES.flatMap((prefix) => m.httpPaths.map((p) => prefix + p.slice('/v3'.length)));
}

/** The method a gateway POST path reaches (`/v3/kv/range`, `/v3beta/kv/range`), or undefined. */
export function methodByGatewayPath(path: string): GrpcMethod | undefined {
  const v3 = path.startsWith('/v3beta/') ? '/v3' + path.slice('/v3beta'.length) : path;
  return byGatewayPath.get(v3);
}
