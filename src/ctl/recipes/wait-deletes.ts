// The queue discipline shared by the mutex and the election (etcd 3.4's clientv3/concurrency): every
// contender owns the key `<prefix><lease hex>`; the contender whose key has the lowest create revision
// wins; the others wait, each for the deletion of the key created just before its own (so one deletion
// wakes one waiter, not the herd).
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import type { Client } from '../../client/index.ts';
import { bytes, prefixEnd, toNum } from '../../client/values.ts';

/** A range request for the single key under `prefix` with the lowest (or highest) create revision. */
export function firstOrLastCreated(
  prefix: string,
  order: 'first' | 'last',
  maxCreateRevision = 0,
): pb.RangeRequest.$Properties {
  return {
    key: bytes(prefix),
    range_end: prefixEnd(prefix),
    sort_target: 2, // CREATE
    sort_order: order === 'first' ? 1 : 2,
    limit: 1,
    max_create_revision: maxCreateRevision,
  };
}

/** Resolves when `key` is deleted at or after revision `rev`; rejects if `signal` aborts first. */
export async function waitDelete(
  c: Client,
  key: Uint8Array,
  rev: number,
  signal: AbortSignal,
): Promise<void> {
  const w = c.watch(key, { startRevision: rev });
  const abort = (): void => w.cancel();
  signal.addEventListener('abort', abort, { once: true });
  try {
    for await (const r of w) {
      if (r.events.some((e) => e.type === 1)) return;
      if (r.canceled) break;
    }
    throw signal.aborted ? abortError() : new Error('lost watcher waiting for delete');
  } finally {
    signal.removeEventListener('abort', abort);
    w.cancel();
  }
}

/**
 * Waits until no key under `prefix` has a create revision at or below `maxCreateRev`: repeatedly finds the
 * newest such key and waits for its deletion. Returns the header of the last (empty) range.
 */
export async function waitDeletes(
  c: Client,
  prefix: string,
  maxCreateRev: number,
  signal: AbortSignal,
): Promise<pb.IResponseHeader | null | undefined> {
  for (;;) {
    if (signal.aborted) throw abortError();
    const r = await c.range(firstOrLastCreated(prefix, 'last', maxCreateRev));
    if (r.kvs.length === 0) return r.header;
    await waitDelete(c, r.kvs[0]!.key ?? Buffer.alloc(0), toNum(r.header?.revision), signal);
  }
}

/** What Go's context package reports for a canceled wait. */
export function abortError(): Error {
  return new Error('context canceled');
}
