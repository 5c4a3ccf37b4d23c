import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goBase64Decode } from './go-base64.ts';

const dec = (s: string): string => Buffer.from(goBase64Decode(Buffer.from(s, 'latin1'))).toString('latin1');
const err = (s: string): string => {
  try {
    goBase64Decode(Buffer.from(s, 'latin1'));
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

test('decodes padded standard base64, skipping CR/LF like Go', () => {
  assert.equal(dec(''), '');
  assert.equal(dec('Zm9v'), 'foo');
  assert.equal(dec('Zm8='), 'fo');
  assert.equal(dec('Zg=='), 'f');
  assert.equal(dec('Zm9v\n'), 'foo');
  assert.equal(dec('Zm\r\n9vYmFy'), 'foobar');
  assert.equal(dec('Zg=\n='), 'f');
});

test('offsets of errors as etcd 3.4 (Go) reports them', () => {
  // Measured against etcd 3.4.23's gateway: "Zm9" → 0, "Zm8" → 0, "Zm9v-_" → 4, "!!!" → 0.
  assert.equal(err('Zm9'), 'illegal base64 data at input byte 0');
  assert.equal(err('Zm8'), 'illegal base64 data at input byte 0');
  assert.equal(err('Zm9v-_'), 'illegal base64 data at input byte 4');
  assert.equal(err('!!!'), 'illegal base64 data at input byte 0');
  assert.equal(err('Zm9vY'), 'illegal base64 data at input byte 4');
  assert.equal(err('Z==='), 'illegal base64 data at input byte 1');
  assert.equal(err('Zg='), 'illegal base64 data at input byte 3');
  assert.equal(err('Zg==x'), 'illegal base64 data at input byte 4');
  assert.equal(err('Zm8=Zm8='), 'illegal base64 data at input byte 4');
});

test('agrees with Node on random well-formed input', () => {
  for (let n = 0; n < 200; n++) {
    const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 73 + n) & 0xff));
    const text = bytes.toString('base64');
    assert.deepEqual(Buffer.from(goBase64Decode(Buffer.from(text))), bytes);
    const wrapped = text.replace(/(.{7})/g, '$1\n');
    assert.deepEqual(Buffer.from(goBase64Decode(Buffer.from(wrapped))), bytes);
  }
});
