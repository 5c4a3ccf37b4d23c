import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJsonString, parseJsonExact, readJsonValue, type JsonNode } from './go-json.ts';

const read = (s: string): JsonNode | undefined => readJsonValue(Buffer.from(s))?.value;
const errOf = (s: string): string => {
  try {
    read(s);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

test('syntax errors in Go words (each one measured on etcd 3.4.23)', () => {
  const cases: [string, string][] = [
    ['{"key":"Zm9v"', 'unexpected EOF'],
    ['{"key', 'unexpected EOF'],
    ['{', 'unexpected EOF'],
    ['tru', 'unexpected EOF'],
    ['xx', "invalid character 'x' looking for beginning of value"],
    ['{"a":}', "invalid character '}' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{,}', "invalid character ',' looking for beginning of object key string"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['{"key":"\\x"}', "invalid character 'x' in string escape code"],
    ['{"key":"\\u12"}', "invalid character '\"' in \\u hexadecimal character escape"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a":-}', "invalid character '}' in numeric literal"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":1e}', "invalid character '}' in exponent of numeric literal"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['\x01', "invalid character '\\x01' looking for beginning of value"],
    ["'", "invalid character '\\'' looking for beginning of value"],
  ];
  for (const [input, want] of cases) assert.equal(errOf(input), want, JSON.stringify(input));
});

test('values: numbers keep their literal, last duplicate key wins, strings unescape', () => {
  const v = read(
    '{"ID": 7587870032323584775, "a": 1, "a": 2, "s": "x\\u0041\\n", "n": null, "t": [true,false]}',
  );
  assert.ok(v && v.kind === 'object');
  assert.deepEqual(v.fields.get('ID'), { kind: 'number', literal: '7587870032323584775' });
  assert.deepEqual(v.fields.get('a'), { kind: 'number', literal: '2' });
  const s = v.fields.get('s');
  assert.ok(s && s.kind === 'string');
  assert.equal(s.value, 'xA\n');
  assert.equal(Buffer.from(s.raw).toString(), 'x\\u0041\\n');
  assert.deepEqual(v.fields.get('n'), { kind: 'null' });
});

test('a stream of concatenated values reads one at a time; whitespace only is the end', () => {
  const buf = Buffer.from(' {"a":1}{"b":2}\n\n[3] ');
  const first = readJsonValue(buf)!;
  const second = readJsonValue(buf, first.end)!;
  const third = readJsonValue(buf, second.end)!;
  assert.equal(first.value.kind, 'object');
  assert.equal(second.value.kind, 'object');
  assert.equal(third.value.kind, 'array');
  assert.equal(readJsonValue(buf, third.end), undefined);
});

test('exact parse (json.Unmarshal) wording for the inside of quoted numbers', () => {
  const msg = (s: string): string => {
    try {
      parseJsonExact(Buffer.from(s));
      return 'no error';
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(msg(''), 'unexpected end of JSON input');
  assert.equal(msg('1 2'), "invalid character '2' after top-level value");
  assert.equal(msg(' 1'), 'no error');
});

test('strings are written the way Go escapes them', () => {
  assert.equal(goJsonString('plain'), '"plain"');
  assert.equal(goJsonString('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goJsonString('<x>&'), '"\\u003cx\\u003e\\u0026"');
  assert.equal(goJsonString('\n\t\x01'), '"\\n\\t\\u0001"');
  assert.equal(goJsonString('\u2028é'), '"\\u2028é"');
});
