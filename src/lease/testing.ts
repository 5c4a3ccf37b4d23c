// Test doubles for the lessor's tests: a tiny MVCC-like key store that follows the wiring protocol at the
// top of lessor.ts (attach on put with a lease, detach on delete/overwrite, one revision per deleteKeys).
import type { LeaseId } from './lease-id.ts';
import type { ForEachKeyWithLease, LeaseKeyStore, Lessor } from './lessor.ts';

const str = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

export class FakeKeyStore implements LeaseKeyStore {
  /** Current revision; each put and each deleteKeys call with at least one key makes one. */
  revision = 1;
  readonly keys = new Map<string, { value: string; lease: LeaseId; modRevision: number }>();
  /** Every deleteKeys call, as the keys it received (latin1). */
  readonly deleteCalls: string[][] = [];
  /** Delete events: key and the revision of the delete. */
  readonly deleteEvents: { key: string; revision: number }[] = [];

  constructor(private readonly lessor: Lessor) {}

  /** The same keys, reopened against another lessor (a restart). */
  reopen(lessor: Lessor): FakeKeyStore {
    const s = new FakeKeyStore(lessor);
    s.revision = this.revision;
    for (const [k, v] of this.keys) s.keys.set(k, { ...v });
    return s;
  }

  put(key: string, value: string, lease: LeaseId = 0n): void {
    if (lease !== 0n && !this.lessor.has(lease)) throw new Error('lease not found');
    const rev = ++this.revision;
    const prev = this.keys.get(key);
    if (prev !== undefined && prev.lease !== 0n && prev.lease !== lease)
      this.lessor.detach(prev.lease, bytes(key));
    this.keys.set(key, { value, lease, modRevision: rev });
    if (lease !== 0n) this.lessor.attach(lease, bytes(key));
  }

  delete(key: string): void {
    const prev = this.keys.get(key);
    if (prev === undefined) return;
    const rev = ++this.revision;
    this.removeKey(key, rev);
  }

  deleteKeys(keys: Uint8Array[]): void {
    this.deleteCalls.push(keys.map(str));
    const live = keys.map(str).filter((k) => this.keys.has(k));
    if (live.length === 0) return;
    const rev = ++this.revision;
    for (const k of live) this.removeKey(k, rev);
  }

  forEachKeyWithLease: ForEachKeyWithLease = (fn) => {
    for (const [k, v] of this.keys) if (v.lease !== 0n) fn(bytes(k), v.lease);
  };

  private removeKey(key: string, rev: number): void {
    const prev = this.keys.get(key)!;
    this.keys.delete(key);
    this.deleteEvents.push({ key, revision: rev });
    if (prev.lease !== 0n) this.lessor.detach(prev.lease, bytes(key));
  }
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(public ms = 1_000_000) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}
