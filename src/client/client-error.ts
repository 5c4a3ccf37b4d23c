// Every failure the client hands out is an EtcdError (src/api/errors.ts): gRPC status code plus message.
// etcd's own errors are recognised by their exact message text (etcdName set), as clientv3's rpctypes does;
// anything else keeps gRPC's code and text so callers can still print `rpc error: code = … desc = …`.
import type { ServiceError } from '@grpc/grpc-js';
import { EtcdError, GrpcCode } from '../api/errors.ts';

import { GRPC_CODE_NAMES } from '../api/errors.ts';

export { GRPC_CODE_NAMES };

/** The text Go's context package gives a timed-out call; etcdctl prints it for every client-side timeout. */
export const DEADLINE_TEXT = 'context deadline exceeded';
export const CANCELED_TEXT = 'context canceled';

const authFailures = new WeakSet<object>();

/** The error came from authenticating with the client's credentials (etcdctl exits 2 on it, as on a dial failure). */
export function isAuthFailure(e: unknown): boolean {
  return typeof e === 'object' && e !== null && authFailures.has(e);
}

/** Records that `e` came from authenticating with the client's credentials (see isAuthFailure). */
export function markAuthFailure(e: unknown): void {
  if (typeof e === 'object' && e !== null) authFailures.add(e);
}

export function deadlineError(): EtcdError {
  return new EtcdError(GrpcCode.DEADLINE_EXCEEDED, DEADLINE_TEXT);
}

function isServiceError(e: unknown): e is ServiceError {
  return (
    typeof e === 'object' && e !== null && typeof (e as ServiceError).code === 'number' && 'details' in e
  );
}

/** A grpc-js failure (or anything thrown) → EtcdError. Client-side deadline and cancel get Go's texts. */
export function toEtcdError(e: unknown): EtcdError {
  if (e instanceof EtcdError) return e;
  if (isServiceError(e)) {
    if (e.code === GrpcCode.DEADLINE_EXCEEDED && !e.details.startsWith('etcdserver:')) return deadlineError();
    if (e.code === GrpcCode.CANCELLED && /^Cancell?ed on client$/.test(e.details)) {
      return new EtcdError(GrpcCode.CANCELLED, CANCELED_TEXT);
    }
    return new EtcdError(e.code as GrpcCode, e.details);
  }
  return new EtcdError(GrpcCode.UNKNOWN, e instanceof Error ? e.message : String(e));
}

/**
 * How etcdctl prints an error: etcd's table errors and context errors by their text alone, any other gRPC
 * status as Go's `rpc error: code = <Name> desc = <text>`.
 */
export function errorText(e: unknown): string {
  if (e instanceof EtcdError) {
    if (e.etcdName !== undefined || e.message === DEADLINE_TEXT || e.message === CANCELED_TEXT)
      return e.message;
    return `rpc error: code = ${GRPC_CODE_NAMES[e.code] ?? `Code(${e.code})`} desc = ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The endpoint rather than the request failed: connection refused or lost, or etcd saying this member cannot
 * serve now (no leader, stopped, not capable, learner). Another endpoint may succeed.
 */
export function isEndpointFailure(e: EtcdError): boolean {
  if (e.code !== GrpcCode.UNAVAILABLE) return false;
  return (
    e.etcdName === undefined ||
    e.is('NoLeader') ||
    e.is('Stopped') ||
    e.is('NotCapable') ||
    e.is('LeaderChanged') ||
    e.is('NotSupportedForLearner')
  );
}
