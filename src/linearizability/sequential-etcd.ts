// A plain in-memory etcd key space that runs requests one at a time with a global revision: the
// reference that generates histories for property tests, written independently of the model's
// constraint-style bookkeeping so that the two check each other.
import {
  inRange,
  type EtcdRequest,
  type EtcdResponse,
  type KeyValue,
  type KvRequest,
  type KvResult,
} from './etcd-model.ts';

export class SequentialEtcd {
  rev = 1;
  readonly kvs = new Map<string, KeyValue>();
  readonly leases = new Set<number>();

  apply(req: EtcdRequest): EtcdResponse {
    switch (req.type) {
      case 'leaseGrant':
        if (this.leases.has(req.id)) return { error: 'lease-exists' };
        this.leases.add(req.id);
        return { rev: this.rev, results: [] };
      case 'leaseRevoke': {
        if (!this.leases.has(req.id)) return { error: 'lease-not-found' };
        this.leases.delete(req.id);
        const doomed = [...this.kvs.values()].filter((kv) => kv.lease === req.id);
        if (doomed.length > 0) {
          this.rev++;
          for (const kv of doomed) this.kvs.delete(kv.key);
        }
        return { rev: this.rev, results: [] };
      }
      case 'txn': {
        const ok = req.compare.every((c) => {
          const kv = this.kvs.get(c.key);
          if (c.target === 'value') {
            if (kv === undefined) return false;
            return cmp(kv.value < String(c.value) ? -1 : kv.value > String(c.value) ? 1 : 0, 0, c.result);
          }
          const field = { version: 'version', mod: 'mod', create: 'create', lease: 'lease' } as const;
          return cmp(kv === undefined ? 0 : kv[field[c.target]], Number(c.value), c.result);
        });
        const res = this.run(ok ? req.success : req.failure);
        return 'error' in res ? res : { ...res, succeeded: ok };
      }
      default:
        return this.run([req]);
    }
  }

  private run(reqs: readonly KvRequest[]): EtcdResponse {
    if (
      reqs.some(
        (r) => r.type === 'put' && r.lease !== undefined && r.lease !== 0 && !this.leases.has(r.lease),
      )
    ) {
      return { error: 'lease-not-found' };
    }
    const writes = reqs.some(
      (r) =>
        r.type === 'put' ||
        (r.type === 'delete' && [...this.kvs.keys()].some((k) => inRange(k, r.key, r.end))),
    );
    const rev = writes ? this.rev + 1 : this.rev;
    const results: KvResult[] = reqs.map((r) => {
      switch (r.type) {
        case 'range':
          return {
            type: 'range',
            kvs: [...this.kvs.values()]
              .filter((kv) => inRange(kv.key, r.key, r.end))
              .sort((a, b) => (a.key < b.key ? -1 : 1))
              .map((kv) => ({ ...kv })),
          };
        case 'put': {
          const old = this.kvs.get(r.key);
          this.kvs.set(r.key, {
            key: r.key,
            value: r.value,
            version: (old?.version ?? 0) + 1,
            mod: rev,
            create: old?.create ?? rev,
            lease: r.lease ?? 0,
          });
          return { type: 'put' };
        }
        case 'delete': {
          const doomed = [...this.kvs.keys()].filter((k) => inRange(k, r.key, r.end));
          for (const k of doomed) this.kvs.delete(k);
          return { type: 'delete', deleted: doomed.length };
        }
      }
    });
    this.rev = rev;
    return { rev, results };
  }
}

function cmp(a: number, b: number, result: '=' | '!=' | '<' | '>'): boolean {
  return result === '=' ? a === b : result === '!=' ? a !== b : result === '<' ? a < b : a > b;
}
