// The lessor's errors. `message` is etcd's exact client-visible text and `code` names etcd's rpctypes
// error, so the API layer can translate them in its one table (src/api/errors.ts, key = `etcdName`).

export type LeaseErrorCode =
  'ErrGRPCLeaseNotFound' | 'ErrGRPCLeaseExist' | 'ErrGRPCLeaseTTLTooLarge' | 'ErrGRPCNotLeader';

export abstract class LeaseError extends Error {
  abstract readonly code: LeaseErrorCode;
  /** The entry of src/api/errors.ts ETCD_ERRORS (etcd's name without the ErrGRPC prefix). */
  abstract readonly etcdName: 'LeaseNotFound' | 'LeaseExist' | 'LeaseTTLTooLarge' | 'NotLeader';
}

/** Unknown lease (also: grant with ID 0 at apply, attach to a missing lease, renew of a revoked lease). */
export class LeaseNotFoundError extends LeaseError {
  override readonly name = 'LeaseNotFoundError';
  readonly code = 'ErrGRPCLeaseNotFound';
  readonly etcdName = 'LeaseNotFound';
  constructor() {
    super('etcdserver: requested lease not found');
  }
}

export class LeaseExistsError extends LeaseError {
  override readonly name = 'LeaseExistsError';
  readonly code = 'ErrGRPCLeaseExist';
  readonly etcdName = 'LeaseExist';
  constructor() {
    super('etcdserver: lease already exists');
  }
}

/** TTL above MAX_LEASE_TTL; etcd checks it in the lessor at apply (gRPC OutOfRange). */
export class LeaseTtlTooLargeError extends LeaseError {
  override readonly name = 'LeaseTtlTooLargeError';
  readonly code = 'ErrGRPCLeaseTTLTooLarge';
  readonly etcdName = 'LeaseTTLTooLarge';
  constructor() {
    super('etcdserver: too large lease TTL');
  }
}

/**
 * This member's lessor is not the primary (the raft leader), so it cannot renew. etcd's server forwards
 * the renewal to the leader on this error and only reports "not leader" if that is impossible.
 */
export class NotPrimaryError extends LeaseError {
  override readonly name = 'NotPrimaryError';
  readonly code = 'ErrGRPCNotLeader';
  readonly etcdName = 'NotLeader';
  constructor() {
    super('etcdserver: not leader');
  }
}
