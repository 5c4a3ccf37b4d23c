// Errors of the MVCC key space. `message` is etcd's exact client-visible text (clients match on it),
// `code` names etcd's rpctypes error and `etcdName` is that name without the ErrGRPC prefix, so the API
// layer translates every error in one table (src/api/errors.ts), as the lessor's errors do.

export type MvccErrorCode =
  | 'ErrGRPCCompacted'
  | 'ErrGRPCFutureRev'
  | 'ErrGRPCKeyNotFound'
  | 'ErrGRPCValueProvided'
  | 'ErrGRPCLeaseProvided'
  | 'ErrGRPCDuplicateKey'
  | 'ErrGRPCTooManyOps'
  | 'ErrGRPCEmptyKey'
  | 'ErrGRPCLeaseNotFound';

export abstract class MvccError extends Error {
  abstract readonly code: MvccErrorCode;
  get etcdName(): string {
    return this.code.slice('ErrGRPC'.length);
  }
}

/** The revision asked for was compacted away (gRPC OutOfRange). */
export class CompactedError extends MvccError {
  override readonly name = 'CompactedError';
  readonly code = 'ErrGRPCCompacted';
  constructor() {
    super('etcdserver: mvcc: required revision has been compacted');
  }
}

/** The revision asked for is above the current revision (gRPC OutOfRange). */
export class FutureRevError extends MvccError {
  override readonly name = 'FutureRevError';
  readonly code = 'ErrGRPCFutureRev';
  constructor() {
    super('etcdserver: mvcc: required revision is a future revision');
  }
}

/** ignore_value / ignore_lease on a key that does not exist, or an empty op in a txn (InvalidArgument). */
export class KeyNotFoundError extends MvccError {
  override readonly name = 'KeyNotFoundError';
  readonly code = 'ErrGRPCKeyNotFound';
  constructor() {
    super('etcdserver: key not found');
  }
}

export class ValueProvidedError extends MvccError {
  override readonly name = 'ValueProvidedError';
  readonly code = 'ErrGRPCValueProvided';
  constructor() {
    super('etcdserver: value is provided');
  }
}

export class LeaseProvidedError extends MvccError {
  override readonly name = 'LeaseProvidedError';
  readonly code = 'ErrGRPCLeaseProvided';
  constructor() {
    super('etcdserver: lease is provided');
  }
}

export class DuplicateKeyError extends MvccError {
  override readonly name = 'DuplicateKeyError';
  readonly code = 'ErrGRPCDuplicateKey';
  constructor() {
    super('etcdserver: duplicate key given in txn request');
  }
}

export class TooManyOpsError extends MvccError {
  override readonly name = 'TooManyOpsError';
  readonly code = 'ErrGRPCTooManyOps';
  constructor() {
    super('etcdserver: too many operations in txn request');
  }
}

export class EmptyKeyError extends MvccError {
  override readonly name = 'EmptyKeyError';
  readonly code = 'ErrGRPCEmptyKey';
  constructor() {
    super('etcdserver: key is not provided');
  }
}

/**
 * A put names a lease the lessor does not know. The lessor owns leases; the store only asks its
 * `leaseExists` callback, so this is the same error (same code and text) as src/lease's.
 */
export class LeaseNotFoundError extends MvccError {
  override readonly name = 'LeaseNotFoundError';
  readonly code = 'ErrGRPCLeaseNotFound';
  constructor() {
    super('etcdserver: requested lease not found');
  }
}
