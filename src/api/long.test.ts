import { test } from 'node:test';
import assert from 'node:assert/strict';
import Long from 'long';
import fc from 'fast-check';
import { i64ToLong, longToI64, longToSafe, longToSafeInt, longToU64, u64ToLong } from './long.ts';

test('uint64: bigint ↔ Long round-trips the whole range', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }), (v) => {
      assert.equal(longToU64(u64ToLong(v)), v);
    }),
  );
  assert.throws(() => u64ToLong(-1n), RangeError);
  assert.throws(() => u64ToLong(1n << 64n), RangeError);
});

test('int64: bigint ↔ Long round-trips, negatives included', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (v) => {
      const l = i64ToLong(v);
      assert.equal(l.unsigned, false);
      assert.equal(longToI64(l), v);
      assert.equal(l.toString(), v.toString());
    }),
  );
  assert.throws(() => i64ToLong(1n << 63n), RangeError);
  assert.throws(() => i64ToLong(-(1n << 63n) - 1n), RangeError);
});

test('int64 from number: safe integers only', () => {
  assert.equal(i64ToLong(-1).toString(), '-1');
  assert.equal(i64ToLong(Number.MAX_SAFE_INTEGER).toString(), String(Number.MAX_SAFE_INTEGER));
  assert.throws(() => i64ToLong(2 ** 53), RangeError);
  assert.throws(() => i64ToLong(1.5), RangeError);
});

test('longToSafeInt keeps the sign and refuses what a number cannot hold exactly', () => {
  assert.equal(longToSafeInt(Long.fromInt(-1)), -1); // TTL -1, watch_id -1
  assert.equal(longToSafeInt(Long.fromNumber(Number.MIN_SAFE_INTEGER)), Number.MIN_SAFE_INTEGER);
  assert.equal(longToSafeInt(7), 7);
  assert.equal(longToSafeInt(null), 0);
  assert.throws(() => longToSafeInt(Long.fromString('9007199254740992')), /53 bits/);
  assert.throws(() => longToSafeInt(Long.fromString('-9007199254740992')), /53 bits/);
});

test('longToSafe (unsigned) and longToU64 treat missing values as zero', () => {
  assert.equal(longToSafe(undefined), 0);
  assert.equal(longToU64(null), 0n);
  assert.equal(longToSafe(Long.fromBits(5, 1, true)), 2 ** 32 + 5);
  // A negative int64 read as uint64 is its two's-complement bit pattern.
  assert.equal(longToU64(Long.fromInt(-1)), 0xffffffffffffffffn);
});
