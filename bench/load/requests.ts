// The requests of each scenario, encoded once (protobufjs codecs generated from etcd 3.4's protos).
// Key namespaces: k = put/txn key space, w = watched keys, r = the single range key, p = the prefix range.
import type Long from 'long';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { grpcHeaders } from './connection.ts';
import { grpcFrame } from './grpc-wire.ts';
import { FrameTemplate, keyOf, placeholder, randomValue } from './keys.ts';
import type { LoadOptions } from './options.ts';

export const HEADERS = {
  put: grpcHeaders('/etcdserverpb.KV/Put'),
  range: grpcHeaders('/etcdserverpb.KV/Range'),
  txn: grpcHeaders('/etcdserverpb.KV/Txn'),
  watch: grpcHeaders('/etcdserverpb.Watch/Watch'),
  leaseGrant: grpcHeaders('/etcdserverpb.Lease/LeaseGrant'),
  leaseKeepAlive: grpcHeaders('/etcdserverpb.Lease/LeaseKeepAlive'),
};

type Sizes = Pick<LoadOptions, 'keySize' | 'valSize'>;

export function putTemplate(o: Sizes, namespace = 'k'): FrameTemplate {
  const msg = pb.PutRequest.encode({
    key: placeholder(0, o.keySize),
    value: randomValue(o.valSize),
  }).finish();
  return FrameTemplate.of(msg, o.keySize, 1, namespace);
}

/** A put whose value starts with 8 bytes the caller overwrites (at `valueOffset`) with the send time. */
export function timestampedPutTemplate(o: Sizes): { template: FrameTemplate; valueOffset: number } {
  const value = randomValue(o.valSize);
  const mark = Buffer.alloc(8, 0xfd);
  mark.copy(value);
  const msg = pb.PutRequest.encode({ key: placeholder(0, o.keySize), value }).finish();
  const frame = grpcFrame(msg);
  const valueOffset = frame.indexOf(mark);
  if (valueOffset < 0) throw new Error('timestamp mark not found');
  return { template: new FrameTemplate(frame, o.keySize, 1, 'w'), valueOffset };
}

/** The key (and range end) the range scenario reads. */
export function rangeTarget(o: Pick<LoadOptions, 'keySize' | 'prefix'>): { key: Buffer; rangeEnd?: Buffer } {
  return o.prefix ? { key: Buffer.from('p'), rangeEnd: Buffer.from('q') } : { key: keyOf('r', o.keySize, 0) };
}

/** The keys that must exist before the range scenario reads them. */
export function rangeFixtureKeys(o: Pick<LoadOptions, 'keySize' | 'prefix' | 'rangeKeys'>): Buffer[] {
  if (!o.prefix) return [keyOf('r', o.keySize, 0)];
  return Array.from({ length: o.rangeKeys }, (_, i) => keyOf('p', o.keySize, i));
}

export function rangeFrame(o: Pick<LoadOptions, 'keySize' | 'prefix' | 'consistency'>): Buffer {
  const { key, rangeEnd } = rangeTarget(o);
  return grpcFrame(
    pb.RangeRequest.encode({
      key,
      range_end: rangeEnd ?? null,
      serializable: o.consistency === 's',
    }).finish(),
  );
}

export function putFrame(key: Buffer, value: Buffer): Buffer {
  return grpcFrame(pb.PutRequest.encode({ key, value }).finish());
}

/** A txn of `txnOps` puts on distinct keys, no compares (etcd benchmark's txn-put). */
export function txnPutTemplate(o: Sizes & Pick<LoadOptions, 'txnOps'>): FrameTemplate {
  const value = randomValue(o.valSize);
  const success = Array.from({ length: o.txnOps }, (_, i) => ({
    request_put: { key: placeholder(i, o.keySize), value },
  }));
  return FrameTemplate.of(pb.TxnRequest.encode({ success }).finish(), o.keySize, o.txnOps, 'k');
}

/** txn-mixed's two kinds: a txn reading one key, a txn writing one key. */
export function txnMixedTemplates(o: Sizes): { read: FrameTemplate; write: FrameTemplate } {
  const read = pb.TxnRequest.encode({ success: [{ request_range: { key: placeholder(0, o.keySize) } }] });
  const write = pb.TxnRequest.encode({
    success: [{ request_put: { key: placeholder(0, o.keySize), value: randomValue(o.valSize) } }],
  });
  return {
    read: FrameTemplate.of(read.finish(), o.keySize, 1, 'k'),
    write: FrameTemplate.of(write.finish(), o.keySize, 1, 'k'),
  };
}

export function leaseGrantFrame(ttl: number): Buffer {
  return grpcFrame(pb.LeaseGrantRequest.encode({ TTL: ttl }).finish());
}

export function leaseIdOf(grantResponse: Buffer): Long | number {
  const res = pb.LeaseGrantResponse.decode(grantResponse);
  if (res.error) throw new Error(`lease grant: ${res.error}`);
  return res.ID;
}

export function keepAliveFrame(id: Long | number): Buffer {
  return grpcFrame(pb.LeaseKeepAliveRequest.encode({ ID: id }).finish());
}

/** Watch every key of the `w` namespace from now on. */
export function watchCreateFrame(): Buffer {
  return grpcFrame(
    pb.WatchRequest.encode({
      create_request: { key: Buffer.from('w'), range_end: Buffer.from('x') },
    }).finish(),
  );
}
