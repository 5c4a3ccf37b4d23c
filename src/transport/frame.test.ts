import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameDecoder, FrameTooLargeError, encodeFrames } from './frame.ts';

function cut(buf: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...at, buf.length]) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  return out;
}

test('frames survive any split of the byte stream, in order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
      fc.array(fc.nat(), { maxLength: 30 }),
      (payloads, points) => {
        const wire = encodeFrames(payloads);
        const dec = new FrameDecoder(1000);
        const got: Uint8Array[] = [];
        for (const chunk of cut(wire, points)) dec.push(chunk, (p) => got.push(Uint8Array.from(p)));
        assert.deepEqual(
          got,
          payloads.map((p) => Uint8Array.from(p)),
        );
        assert.equal(dec.pendingBytes, 0);
      },
    ),
  );
});

test('a length prefix above the limit is refused before its bytes arrive', () => {
  const dec = new FrameDecoder(10);
  const wire = encodeFrames([new Uint8Array(11)]);
  assert.throws(
    () => dec.push(wire.subarray(0, 4), () => assert.fail('no frame expected')),
    FrameTooLargeError,
  );
});

test('a partial frame waits for the rest', () => {
  const dec = new FrameDecoder(100);
  const wire = encodeFrames([Buffer.from('hello'), Buffer.from('world')]);
  const got: string[] = [];
  dec.push(wire.subarray(0, 7), (p) => got.push(p.toString()));
  assert.equal(got.length, 0);
  assert.equal(dec.pendingBytes, 3);
  dec.push(wire.subarray(7), (p) => got.push(p.toString()));
  assert.deepEqual(got, ['hello', 'world']);
});
