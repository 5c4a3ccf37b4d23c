// Paths, headers and refusal statuses of the peer port. The wire is tsetcd's own (HTTP/2, framed
// protobuf), but the checks and their outcomes follow etcd's rafthttp: every raft request names its
// sender, its target and its cluster; a foreign cluster gets 412, a removed member 410, a sender this
// member does not know 404.

export const PATH_STREAM = '/raft/stream';
export const PATH_SNAPSHOT = '/raft/snapshot';
export const PATH_MEMBERS = '/members';
export const PATH_VERSION = '/version';
/** Unary requests a follower sends its leader (etcd's lease forwarding): keepalive and TimeToLive. */
export const PATH_LEASES = '/leases';
export const PATH_LEASES_INTERNAL = '/leases/internal';
/** Largest body of a unary peer request or answer. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export const HEADER_CLUSTER_ID = 'x-etcd-cluster-id';
export const HEADER_FROM = 'x-server-from';
export const HEADER_TO = 'x-raft-to';
export const HEADER_SERVER_VERSION = 'x-server-version';
/** Bytes of bulk snapshot data after the MsgSnap frame, when the sender knows it in advance. */
export const HEADER_SNAPSHOT_SIZE = 'x-snapshot-size';

export const SERVER_VERSION = '3.4.23';
export const CLUSTER_VERSION = '3.4.0';

export const Refusal = {
  clusterMismatch: { status: 412, text: 'cluster ID mismatch' },
  toMismatch: { status: 412, text: 'to field mismatch' },
  removed: { status: 410, text: 'removed member' },
  unknownSender: { status: 404, text: 'error sender not found' },
  badFrom: { status: 400, text: 'invalid from' },
} as const;
export type Refusal = (typeof Refusal)[keyof typeof Refusal];

/** Parses a member ID printed as hex (etcd's form); undefined when malformed or zero. */
export function parseIdHex(s: string | string[] | undefined): bigint | undefined {
  if (typeof s !== 'string' || !/^[0-9a-fA-F]{1,16}$/.test(s)) return undefined;
  const id = BigInt('0x' + s);
  return id === 0n ? undefined : id;
}

export const hex = (id: bigint): string => id.toString(16);
