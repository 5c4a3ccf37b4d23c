// Lease IDs and TTL bounds. IDs are etcd's int64 lease IDs as bigint (random 64-bit values, see
// docs/ARCHITECTURE.md); TTLs are whole seconds as plain numbers.

/** A lease ID: a signed 64-bit integer; 0 means "no lease". */
export type LeaseId = bigint;

/** The absence of a lease (a key put without a lease, a grant asking the server to pick). */
export const NO_LEASE: LeaseId = 0n;

/** etcd's MaxLeaseTTL: a grant above this many seconds fails with "too large lease TTL". */
export const MAX_LEASE_TTL = 9_000_000_000;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

export function isInt64(id: bigint): boolean {
  return id >= INT64_MIN && id <= INT64_MAX;
}

/**
 * The minimum lease TTL in seconds for a member ticking every `heartbeatMs` with an election timeout of
 * `electionTicks` ticks: etcd uses ceil(((3 * electionTicks) / 2 in integer ticks) * heartbeat), so that a
 * lease always outlives one leader election (TTL 1 becomes 2 s with the default 10 ticks of 100 ms).
 */
export function minLeaseTtlSeconds(electionTicks: number, heartbeatMs: number): number {
  return Math.ceil((Math.trunc((3 * electionTicks) / 2) * heartbeatMs) / 1000);
}

/** Where the server takes IDs for grants that ask for ID 0. Must not be called inside apply. */
export type LeaseIdSource = () => bigint;

/**
 * etcd's request-ID scheme (pkg/idutil), which etcd also uses to pick lease IDs: the top 16 bits are the
 * member ID's low 16 bits, then 40 bits of the start time in ms, then an 8-bit counter; the time+counter
 * part grows by one per ID, so IDs from one member never repeat while it runs and rarely collide across
 * members. `nowMs` is the wall clock at start-up (injected for tests).
 */
export function requestIdSource(memberId: bigint, nowMs: number): LeaseIdSource {
  const prefix = BigInt.asUintN(16, memberId) << 48n;
  let suffix = BigInt.asUintN(40, BigInt(Math.trunc(nowMs))) << 8n;
  return () => {
    suffix = BigInt.asUintN(48, suffix + 1n);
    return prefix | suffix;
  };
}

/**
 * The lease ID the server proposes for a grant with ID 0: the next value of `source` with the sign bit
 * cleared (etcd only hands out positive IDs), skipping 0. The choice is made before proposing, so every
 * member applies the same ID.
 */
export function pickLeaseId(source: LeaseIdSource): LeaseId {
  for (;;) {
    const id = source() & INT64_MAX;
    if (id !== NO_LEASE) return id;
  }
}

/** Lease IDs print as lower-case hex without padding, as etcd and etcdctl show them. */
export function leaseIdHex(id: LeaseId): string {
  return BigInt.asUintN(64, id).toString(16);
}
