// The lease layer's public surface, for the server and the MVCC store (wiring protocol: lessor.ts).
export { Lessor } from './lessor.ts';
export type {
  Checkpointer,
  ForEachKeyWithLease,
  GrantedLease,
  LeaseCheckpoint,
  LeaseInfo,
  LeaseKeyStore,
  LeaseTimeToLive,
  LessorOptions,
} from './lessor.ts';
export { LessorRunner } from './lessor-runner.ts';
export type { LessorRunnerOptions } from './lessor-runner.ts';
export {
  LeaseError,
  LeaseExistsError,
  LeaseNotFoundError,
  LeaseTtlTooLargeError,
  NotPrimaryError,
} from './errors.ts';
export type { LeaseErrorCode } from './errors.ts';
export {
  MAX_LEASE_TTL,
  NO_LEASE,
  leaseIdHex,
  minLeaseTtlSeconds,
  pickLeaseId,
  requestIdSource,
} from './lease-id.ts';
export type { LeaseId, LeaseIdSource } from './lease-id.ts';
