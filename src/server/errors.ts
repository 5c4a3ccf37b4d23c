// One translation from the errors of every layer (mvcc, lease, raft, the server) to etcd's wire
// errors. Layers name their etcd error through a `code` property ("ErrGRPCCompacted"); anything else
// is an internal failure and reaches the client as Unknown with its own text, as etcd does.
import { ETCD_ERRORS, EtcdError, GrpcCode, type EtcdErrorName } from '../api/errors.ts';

export function toEtcdError(err: unknown): EtcdError {
  if (err instanceof EtcdError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ErrGRPC')) {
    const name = code.slice('ErrGRPC'.length) as EtcdErrorName;
    if (name in ETCD_ERRORS) return EtcdError.of(name);
  }
  return new EtcdError(GrpcCode.UNKNOWN, err instanceof Error ? err.message : String(err));
}
