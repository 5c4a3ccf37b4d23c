import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLeaseRecord, encodeLeaseRecord, leaseKey } from './lease-record.ts';
import { leaseIdHex, minLeaseTtlSeconds, pickLeaseId, requestIdSource } from './lease-id.ts';

test('lease key is the big-endian int64 ID', () => {
  assert.deepEqual(leaseKey(0x0102030405060708n), Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
  assert.deepEqual(leaseKey(-1n), new Uint8Array(8).fill(0xff));
});

test('record round trip, including negative IDs and large TTLs', () => {
  for (const r of [
    { id: 1n, ttl: 2, remainingTtl: 0 },
    { id: -42n, ttl: 9_000_000_000, remainingTtl: 8_999_999_999 },
    { id: (1n << 63n) - 1n, ttl: 60, remainingTtl: 17 },
  ]) {
    assert.deepEqual(decodeLeaseRecord(encodeLeaseRecord(r)), r);
  }
});

test('corrupt record is refused', () => {
  assert.throws(() => decodeLeaseRecord(new Uint8Array(3)), /corrupt lease record/);
  const bad = encodeLeaseRecord({ id: 1n, ttl: 1, remainingTtl: 0 });
  bad[0] = 9;
  assert.throws(() => decodeLeaseRecord(bad), /corrupt lease record/);
});

test('minimum TTL follows etcd: ceil((3*ticks/2 in whole ticks) * heartbeat)', () => {
  assert.equal(minLeaseTtlSeconds(10, 100), 2); // defaults: 1.5 s → 2
  assert.equal(minLeaseTtlSeconds(11, 100), 2); // 16 ticks = 1.6 s
  assert.equal(minLeaseTtlSeconds(50, 100), 8); // 7.5 s
  assert.equal(minLeaseTtlSeconds(20, 50), 2); // 1.5 s
});

test('picked IDs are positive, non-zero, and increase for one member', () => {
  const src = requestIdSource(0xabcdn, 1_700_000_000_000);
  const a = pickLeaseId(src);
  const b = pickLeaseId(src);
  assert.ok(a > 0n && b > a);
  assert.equal(a >> 48n, 0xabcdn & 0x7fffn);
  // A source with the sign bit set and a zero in between.
  const vals = [0n, 1n << 63n, (1n << 63n) | 5n];
  const id = pickLeaseId(() => vals.shift()!);
  assert.equal(id, 5n);
  assert.equal(leaseIdHex(-1n), 'ffffffffffffffff');
  assert.equal(leaseIdHex(0x694d7a1b2c3dn), '694d7a1b2c3d');
});
