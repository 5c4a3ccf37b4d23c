import { test } from 'node:test';
import assert from 'node:assert/strict';
import Long from 'long';
import { etcdserverpb as pb, mvccpb } from '../api/gen/etcd.js';
import { i64ToLong, longToI64, longToU64, u64ToLong } from '../api/long.ts';
import { GatewayDecodeError, requestFromJson, responseJson } from './gateway-json.ts';
import { readJsonValue } from './go-json.ts';
import { messageSchema, protoJsonName } from './proto-schema.ts';

const json = (s: string) => readJsonValue(Buffer.from(s))!.value;
const decodeErr = (s: string, codec: any = pb.RangeRequest): string => {
  try {
    requestFromJson(json(s), codec);
    return 'no error';
  } catch (e) {
    assert.ok(e instanceof GatewayDecodeError);
    return e.message;
  }
};

test('protoc JSON names and Go type names for enums', () => {
  assert.equal(protoJsonName('range_end'), 'rangeEnd');
  assert.equal(protoJsonName('TTL'), 'TTL');
  assert.equal(protoJsonName('peerURLs'), 'peerURLs');
  const sort = messageSchema('etcdserverpb.RangeRequest').fields.find((f) => f.name === 'sort_order')!;
  assert.equal(sort.type.kind === 'enum' && sort.type.enum.goName, 'etcdserverpb.RangeRequest_SortOrder');
  const ev = messageSchema('mvccpb.Event').fields.find((f) => f.name === 'type')!;
  assert.equal(ev.type.kind === 'enum' && ev.type.enum.goName, 'mvccpb.Event_EventType');
});

test('requests: both names, lowerCamel wins, 64-bit exact, enums by name or number, bytes as arrays', () => {
  const r = requestFromJson(
    json(
      '{"key":"YQ==","range_end":"Yg==","rangeEnd":"Yw==","revision":"-9223372036854775808","sort_order":2,"sortTarget":"MOD"}',
    ),
    pb.RangeRequest,
  );
  assert.equal(Buffer.from(r.key ?? []).toString(), 'a');
  assert.equal(Buffer.from(r.range_end ?? []).toString(), 'c');
  assert.equal(longToI64(r.revision as Long), -(1n << 63n));
  assert.equal(r.sort_order, 2);
  assert.equal(r.sort_target, pb.RangeRequest.SortTarget.MOD);
  const put = requestFromJson(json('{"key":[104,105],"lease":7587870032323584775}'), pb.PutRequest);
  assert.equal(Buffer.from(put.key ?? []).toString(), 'hi');
  assert.equal(longToI64(put.lease as Long), 7587870032323584775n);
  const m = requestFromJson(
    json('{"ID":"18446744073709551615","peerURLs":["http://a"]}'),
    pb.MemberUpdateRequest,
  );
  assert.equal(longToU64(m.ID as Long), (1n << 64n) - 1n);
  assert.deepEqual(m.peerURLs, ['http://a']);
});

test('request errors in Go words', () => {
  assert.equal(
    decodeErr('{"limit":"9223372036854775808"}'),
    'json: cannot unmarshal number 9223372036854775808 into Go value of type int64',
  );
  assert.equal(
    decodeErr('{"ID":-1}', pb.MemberRemoveRequest),
    'json: cannot unmarshal number -1 into Go value of type uint64',
  );
  assert.equal(decodeErr('{"limit":""}'), 'unexpected end of JSON input');
  assert.equal(decodeErr('{"limit":"true"}'), 'json: cannot unmarshal bool into Go value of type int64');
  assert.equal(decodeErr('{"key":[256]}'), 'json: cannot unmarshal number 256 into Go value of type uint8');
  assert.equal(
    decodeErr('{"sort_order":true}'),
    'json: cannot unmarshal bool into Go value of type etcdserverpb.RangeRequest_SortOrder',
  );
  assert.equal(
    decodeErr('{"sort_order":"2"}'),
    'unknown value "2" for enum etcdserverpb.RangeRequest_SortOrder',
  );
  assert.equal(
    decodeErr('{"peerURLs":"x"}', pb.MemberAddRequest),
    'json: cannot unmarshal string into Go value of type []json.RawMessage',
  );
  assert.equal(decodeErr('{"key":null,"limit":null}'), 'no error');
});

test('responses: proto names in declaration order, zero values omitted, 64-bit as strings, enums by name', () => {
  const text = responseJson(
    {
      header: { cluster_id: u64ToLong(0xffffffffffffffffn), member_id: 0, revision: 5, raft_term: 0 },
      kvs: [
        {
          key: Buffer.from('k'),
          value: new Uint8Array(0),
          create_revision: 2,
          mod_revision: 5,
          version: 1,
          lease: i64ToLong(-1),
        },
      ],
      more: false,
      count: 0,
    },
    pb.RangeResponse,
  );
  assert.equal(
    text,
    '{"header":{"cluster_id":"18446744073709551615","revision":"5"},' +
      '"kvs":[{"key":"aw==","create_revision":"2","mod_revision":"5","version":"1","lease":"-1"}]}',
  );
  const w = responseJson(
    {
      watch_id: -1,
      created: true,
      canceled: true,
      cancel_reason: '<bad> & "quoted"',
      events: [{ type: mvccpb.Event.EventType.DELETE, kv: {} }],
    },
    pb.WatchResponse,
  );
  assert.equal(
    w,
    '{"watch_id":"-1","created":true,"canceled":true,"cancel_reason":"\\u003cbad\\u003e \\u0026 \\"quoted\\"",' +
      '"events":[{"type":"DELETE","kv":{}}]}',
  );
  // A oneof member is written even when it holds a zero value; an unknown enum number as a number.
  const cmp = responseJson(
    {
      compare: [
        { result: 9 as pb.Compare.CompareResult, target: pb.Compare.CompareTarget.VERSION, version: 0 },
      ],
    },
    pb.TxnRequest,
  );
  assert.equal(cmp, '{"compare":[{"result":9,"version":"0"}]}');
  assert.equal(responseJson({}, pb.StatusResponse), '{}');
});
