// etcdctl's output formats: simple, json, fields, protobuf, table. One method per kind of result; a format
// that etcdctl 3.4 does not offer for a result ends the command as etcdctl does ("<format> not supported as
// output format", exit 4).
import type { etcdserverpb as pb, mvccpb } from '../api/gen/etcd.js';
import { toBig, toNum } from '../client/values.ts';
import { goDuration, goJson, goQuote, hex, hex16, humanizeBytes } from './go-format.ts';
import { errOut, Exit, exitWithError, out, outln } from './output.ts';
import { renderTable } from './table.ts';

export type Format = 'simple' | 'json' | 'fields' | 'protobuf' | 'table';
export const FORMATS: readonly Format[] = ['simple', 'json', 'fields', 'protobuf', 'table'];

type Long = { low: number; high: number; unsigned: boolean };
type I64 = number | Long | null | undefined;

export interface Codec {
  encode(m: any): { finish(): Uint8Array };
  toObject(m: any, o?: any): Record<string, any>;
}

/** Go's json.Marshal of a gogo-protobuf message: proto field names, omitempty, int64 as numbers. */
export function pbJson(codec: Codec, m: unknown): Record<string, any> {
  return codec.toObject(m, { longs: BigInt });
}

export interface EpHealth {
  ep: string;
  health: boolean;
  tookNs: number;
  error: string;
}
export interface EpStatus {
  ep: string;
  resp: pb.StatusResponse;
}
export interface EpHashKV {
  ep: string;
  resp: pb.HashKVResponse;
}

const utf8 = (b: Uint8Array | null | undefined): string =>
  Buffer.from(b ?? new Uint8Array()).toString('latin1');

function goHexBytes(b: Uint8Array | null | undefined): string {
  return [...(b ?? [])].map((x) => '\\x' + x.toString(16).padStart(2, '0')).join('');
}

export class Printer {
  constructor(
    readonly format: Format,
    readonly isHex: boolean,
    readonly codecs: Record<string, Codec>,
  ) {}

  valueOnly = false;

  unsupported(): never {
    return exitWithError(Exit.BadFeature, `${this.format} not supported as output format`);
  }

  private raw(s: string): void {
    // Go strings are byte strings: keys/values go out as their bytes, not re-encoded.
    out(Buffer.from(s, 'latin1'));
  }

  private kvSimple(kv: mvccpb.IKeyValue): void {
    const k = this.isHex ? goHexBytes(kv.key) : utf8(kv.key);
    const v = this.isHex ? goHexBytes(kv.value) : utf8(kv.value);
    if (!this.valueOnly) this.raw(k + '\n');
    this.raw(v + '\n');
  }

  private kvFields(pfx: string, kv: mvccpb.IKeyValue): void {
    outln(`"${pfx}Key" : ${goQuote(kv.key ?? new Uint8Array())}`);
    outln(`"${pfx}CreateRevision" : ${toBig(kv.create_revision as I64 as any)}`);
    outln(`"${pfx}ModRevision" : ${toBig(kv.mod_revision as any)}`);
    outln(`"${pfx}Version" : ${toBig(kv.version as any)}`);
    outln(`"${pfx}Value" : ${goQuote(kv.value ?? new Uint8Array())}`);
    outln(`"${pfx}Lease" : ${toBig(kv.lease as any)}`);
  }

  private hdrFields(h: pb.IResponseHeader | null | undefined): void {
    outln(`"ClusterID" : ${toBig(h?.cluster_id as any, true)}`);
    outln(`"MemberID" : ${toBig(h?.member_id as any, true)}`);
    outln(`"Revision" : ${toBig(h?.revision as any)}`);
    outln(`"RaftTerm" : ${toBig(h?.raft_term as any, true)}`);
  }

  private json(v: unknown): void {
    outln(goJson(v));
  }

  private pb(codecName: string, m: unknown): void {
    out(this.codecs[codecName]!.encode(m).finish());
  }

  private obj(codecName: string, m: unknown): Record<string, any> {
    return pbJson(this.codecs[codecName]!, m);
  }

  /** clientv3 responses that embed *ResponseHeader: its fields inline, omitempty. */
  private inlineHeader(h: pb.IResponseHeader | null | undefined): Record<string, any> {
    return h ? this.obj('ResponseHeader', h) : {};
  }

  get(r: pb.RangeResponse): void {
    switch (this.format) {
      case 'simple':
        for (const kv of r.kvs) this.kvSimple(kv);
        return;
      case 'json':
        return this.json(this.obj('RangeResponse', r));
      case 'protobuf':
        return this.pb('RangeResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        for (const kv of r.kvs) this.kvFields('', kv);
        outln(`"More" : ${r.more}`);
        outln(`"Count" : ${toBig(r.count as any)}`);
        return;
      default:
        this.unsupported();
    }
  }

  put(r: pb.PutResponse): void {
    switch (this.format) {
      case 'simple':
        outln('OK');
        if (r.prev_kv) this.kvSimple(r.prev_kv);
        return;
      case 'json':
        return this.json(this.obj('PutResponse', r));
      case 'protobuf':
        return this.pb('PutResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        if (r.prev_kv) this.kvFields('Prev', r.prev_kv);
        return;
      default:
        this.unsupported();
    }
  }

  del(r: pb.DeleteRangeResponse): void {
    switch (this.format) {
      case 'simple':
        outln(String(toBig(r.deleted as any)));
        for (const kv of r.prev_kvs) this.kvSimple(kv);
        return;
      case 'json':
        return this.json(this.obj('DeleteRangeResponse', r));
      case 'protobuf':
        return this.pb('DeleteRangeResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        outln(`"Deleted" : ${toBig(r.deleted as any)}`);
        for (const kv of r.prev_kvs) this.kvFields('Prev', kv);
        return;
      default:
        this.unsupported();
    }
  }

  txn(r: pb.TxnResponse): void {
    switch (this.format) {
      case 'simple':
        outln(r.succeeded ? 'SUCCESS' : 'FAILURE');
        for (const op of r.responses) {
          outln('');
          if (op.response_put) this.put(op.response_put as pb.PutResponse);
          else if (op.response_range) this.get(op.response_range as pb.RangeResponse);
          else if (op.response_delete_range) this.del(op.response_delete_range as pb.DeleteRangeResponse);
        }
        return;
      case 'json': {
        const o = this.obj('TxnResponse', r);
        if (o.responses) {
          o.responses = (o.responses as Record<string, any>[]).map((x) => {
            if (x.response_range) return { Response: { ResponseRange: x.response_range } };
            if (x.response_put) return { Response: { ResponsePut: x.response_put } };
            if (x.response_delete_range)
              return { Response: { ResponseDeleteRange: x.response_delete_range } };
            if (x.response_txn) return { Response: { ResponseTxn: x.response_txn } };
            return {};
          });
        }
        return this.json(o);
      }
      case 'protobuf':
        return this.pb('TxnResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        outln(`"Succeeded" : ${r.succeeded}`);
        for (const op of r.responses) {
          if (op.response_put) this.put(op.response_put as pb.PutResponse);
          else if (op.response_range) this.get(op.response_range as pb.RangeResponse);
          else if (op.response_delete_range) this.del(op.response_delete_range as pb.DeleteRangeResponse);
        }
        return;
      default:
        this.unsupported();
    }
  }

  watch(r: pb.WatchResponse): void {
    switch (this.format) {
      case 'simple':
        for (const e of r.events) {
          outln(e.type === 1 ? 'DELETE' : 'PUT');
          if (e.prev_kv) this.kvSimple(e.prev_kv);
          this.kvSimple(e.kv ?? {});
        }
        return;
      case 'json': {
        const o = this.obj('WatchResponse', r);
        return this.json({
          Header: o.header ?? {},
          Events: o.events ?? null,
          CompactRevision: o.compact_revision ?? 0n,
          Canceled: o.canceled ?? false,
          Created: o.created ?? false,
        });
      }
      case 'protobuf':
        for (const e of r.events) this.pb('Event', e);
        return;
      case 'fields':
        this.hdrFields(r.header);
        for (const e of r.events) {
          outln(`"Type" : ${e.type === 1 ? 'DELETE' : 'PUT'}`);
          if (e.prev_kv) this.kvFields('Prev', e.prev_kv);
          this.kvFields('', e.kv ?? {});
        }
        return;
      default:
        this.unsupported();
    }
  }

  leaseGrant(r: pb.LeaseGrantResponse): void {
    switch (this.format) {
      case 'simple':
        return outln(`lease ${hex16(toBig(r.ID as any))} granted with TTL(${toBig(r.TTL as any)}s)`);
      case 'json':
        return this.json({
          ...this.inlineHeader(r.header),
          ID: toBig(r.ID as any),
          TTL: toBig(r.TTL as any),
          Error: r.error,
        });
      case 'protobuf':
        return this.pb('ResponseHeader', r.header ?? {});
      case 'fields':
        this.hdrFields(r.header);
        // etcdctl 3.4 prints this ID after a trip through float64 (e.g. ...193298 → ...193300)
        outln(`"ID" : ${String(Number(toBig(r.ID as any)))}`);
        outln(`"TTL" : ${toBig(r.TTL as any)}`);
        return;
      default:
        this.unsupported();
    }
  }

  leaseRevoke(id: bigint, r: pb.LeaseRevokeResponse): void {
    switch (this.format) {
      case 'simple':
        return outln(`lease ${hex16(id)} revoked`);
      case 'json':
        return this.json(this.obj('LeaseRevokeResponse', r));
      case 'protobuf':
        return this.pb('LeaseRevokeResponse', r);
      case 'fields':
        return this.hdrFields(r.header);
      default:
        this.unsupported();
    }
  }

  keepAlive(r: pb.LeaseKeepAliveResponse): void {
    switch (this.format) {
      case 'simple':
        return outln(`lease ${hex16(toBig(r.ID as any))} keepalived with TTL(${toBig(r.TTL as any)})`);
      case 'json':
        return this.json({
          ...this.inlineHeader(r.header),
          ID: toBig(r.ID as any),
          TTL: toBig(r.TTL as any),
        });
      case 'protobuf':
        return this.pb('ResponseHeader', r.header ?? {});
      case 'fields':
        this.hdrFields(r.header);
        outln(`"ID" : ${toBig(r.ID as any)}`);
        outln(`"TTL" : ${toBig(r.TTL as any)}`);
        return;
      default:
        this.unsupported();
    }
  }

  timeToLive(r: pb.LeaseTimeToLiveResponse, keys: boolean): void {
    const id = toBig(r.ID as any);
    switch (this.format) {
      case 'simple': {
        if (toNum(r.grantedTTL as any) === 0 && toNum(r.TTL as any) === -1) {
          return outln(`lease ${hex16(id)} already expired`);
        }
        let txt = `lease ${hex16(id)} granted with TTL(${toBig(r.grantedTTL as any)}s), remaining(${toBig(r.TTL as any)}s)`;
        if (keys) txt += `, attached keys([${r.keys.map(utf8).join(' ')}])`;
        this.raw(txt + '\n');
        return;
      }
      case 'json':
        return this.json({
          ...this.inlineHeader(r.header),
          id,
          ttl: toBig(r.TTL as any),
          'granted-ttl': toBig(r.grantedTTL as any),
          keys: r.keys.length > 0 ? r.keys : null,
        });
      case 'protobuf':
        return this.pb('ResponseHeader', r.header ?? {});
      case 'fields':
        this.hdrFields(r.header);
        outln(`"ID" : ${id}`);
        outln(`"TTL" : ${toBig(r.TTL as any)}`);
        outln(`"GrantedTTL" : ${toBig(r.grantedTTL as any)}`);
        for (const k of r.keys) outln(`"Key" : ${goQuote(k)}`);
        return;
      default:
        this.unsupported();
    }
  }

  leases(r: pb.LeaseLeasesResponse): void {
    switch (this.format) {
      case 'simple':
        outln(`found ${r.leases.length} leases`);
        for (const l of r.leases) outln(hex16(toBig(l.ID as any)));
        return;
      case 'json':
        return this.json({
          ...this.inlineHeader(r.header),
          leases: r.leases.length > 0 ? r.leases.map((l) => ({ id: toBig(l.ID as any) })) : null,
        });
      case 'protobuf':
        return this.pb('ResponseHeader', r.header ?? {});
      case 'fields':
        this.hdrFields(r.header);
        for (const l of r.leases) outln(`"ID" : ${toBig(l.ID as any)}`);
        return;
      default:
        this.unsupported();
    }
  }

  private memberRows(members: pb.IMember[]): string[][] {
    return members.map((m) => [
      hex(toBig(m.ID as any, true)),
      m.name ? 'started' : 'unstarted',
      m.name ?? '',
      (m.peerURLs ?? []).join(','),
      (m.clientURLs ?? []).join(','),
      String(m.isLearner ?? false),
    ]);
  }

  memberList(r: pb.MemberListResponse): void {
    switch (this.format) {
      case 'simple':
        for (const row of this.memberRows(r.members)) outln(row.join(', '));
        return;
      case 'json':
        return this.json(this.obj('MemberListResponse', r));
      case 'protobuf':
        return this.pb('MemberListResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        for (const m of r.members) this.memberFields(m);
        return;
      case 'table':
        out(
          renderTable(
            ['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'],
            this.memberRows(r.members),
          ),
        );
        return;
    }
  }

  private memberFields(m: pb.IMember): void {
    outln(`"ID" : ${toBig(m.ID as any, true)}`);
    outln(`"Name" : ${goQuote(m.name ?? '')}`);
    for (const u of m.peerURLs ?? []) outln(`"PeerURL" : ${goQuote(u)}`);
    for (const u of m.clientURLs ?? []) outln(`"ClientURL" : ${goQuote(u)}`);
    outln(`"IsLearner" : ${m.isLearner ?? false}`);
    outln('');
  }

  memberAdd(r: pb.MemberAddResponse): void {
    switch (this.format) {
      case 'simple':
        return outln(
          `Member ${hex(toBig(r.member?.ID as any, true)).padStart(16)} added to cluster ${hex(toBig(r.header?.cluster_id as any, true)).padStart(16)}`,
        );
      case 'json':
        return this.json(this.obj('MemberAddResponse', r));
      case 'protobuf':
        return this.pb('MemberAddResponse', r);
      case 'fields':
        this.hdrFields(r.header);
        if (r.member) this.memberFields(r.member);
        for (const m of r.members) this.memberFields(m);
        return;
      default:
        this.unsupported();
    }
  }

  memberChange(
    kind: 'removed from' | 'updated in' | 'promoted in',
    id: bigint,
    r: pb.MemberRemoveResponse,
    codec: string,
  ): void {
    switch (this.format) {
      case 'simple':
        return outln(
          `Member ${hex(id).padStart(16)} ${kind} cluster ${hex(toBig(r.header?.cluster_id as any, true)).padStart(16)}`,
        );
      case 'json':
        return this.json(this.obj(codec, r));
      case 'protobuf':
        return this.pb(codec, r);
      case 'fields':
        this.hdrFields(r.header);
        for (const m of r.members) this.memberFields(m);
        return;
      default:
        this.unsupported();
    }
  }

  private statusRows(list: EpStatus[]): string[][] {
    return list.map(({ ep, resp: s }) => [
      ep,
      hex(toBig(s.header?.member_id as any, true)),
      s.version,
      humanizeBytes(toNum(s.dbSize as any)),
      String(toBig(s.leader as any, true) === toBig(s.header?.member_id as any, true)),
      String(s.isLearner),
      String(toBig(s.raftTerm as any, true)),
      String(toBig(s.raftIndex as any, true)),
      String(toBig(s.raftAppliedIndex as any, true)),
      s.errors.join(', '),
    ]);
  }

  endpointStatus(list: EpStatus[]): void {
    switch (this.format) {
      case 'simple':
        for (const row of this.statusRows(list)) outln(row.join(', '));
        return;
      case 'json':
        return this.json(list.map((s) => ({ Endpoint: s.ep, Status: this.obj('StatusResponse', s.resp) })));
      case 'fields':
        for (const { ep, resp: s } of list) {
          this.hdrFields(s.header);
          outln(`"Version" : ${goQuote(s.version)}`);
          outln(`"DBSize" : ${toBig(s.dbSize as any)}`);
          outln(`"Leader" : ${toBig(s.leader as any, true)}`);
          outln(`"IsLearner" : ${s.isLearner}`);
          outln(`"RaftIndex" : ${toBig(s.raftIndex as any, true)}`);
          outln(`"RaftTerm" : ${toBig(s.raftTerm as any, true)}`);
          outln(`"RaftAppliedIndex" : ${toBig(s.raftAppliedIndex as any, true)}`);
          outln(`"Errors" : [${s.errors.join(' ')}]`);
          outln(`"Endpoint" : ${goQuote(ep)}`);
          outln('');
        }
        return;
      case 'table':
        out(
          renderTable(
            [
              'endpoint',
              'ID',
              'version',
              'db size',
              'is leader',
              'is learner',
              'raft term',
              'raft index',
              'raft applied index',
              'errors',
            ],
            this.statusRows(list),
          ),
        );
        return;
      default:
        this.unsupported();
    }
  }

  endpointHealth(list: EpHealth[]): void {
    switch (this.format) {
      case 'simple':
        for (const h of list) {
          if (h.error === '')
            errOut(`${h.ep} is healthy: successfully committed proposal: took = ${goDuration(h.tookNs)}\n`);
          else errOut(`${h.ep} is unhealthy: failed to commit proposal: ${h.error}\n`);
        }
        return;
      case 'json':
        return this.json(
          list.map((h) => ({
            endpoint: h.ep,
            health: h.health,
            took: goDuration(h.tookNs),
            error: h.error || undefined,
          })),
        );
      case 'fields':
        for (const h of list) {
          outln(`"Endpoint" : ${goQuote(h.ep)}`);
          outln(`"Health" : ${h.health}`);
          outln(`"Took" : ${goDuration(h.tookNs)}`);
          outln(`"Error" : ${h.error}`);
          outln('');
        }
        return;
      case 'table':
        out(
          renderTable(
            ['endpoint', 'health', 'took', 'error'],
            list.map((h) => [h.ep, String(h.health), goDuration(h.tookNs), h.error]),
          ),
        );
        return;
      default:
        this.unsupported();
    }
  }

  endpointHashKV(list: EpHashKV[]): void {
    switch (this.format) {
      case 'simple':
        for (const h of list) outln(`${h.ep}, ${toBig(h.resp.hash as any, true)}`);
        return;
      case 'json':
        return this.json(list.map((h) => ({ Endpoint: h.ep, HashKV: this.obj('HashKVResponse', h.resp) })));
      case 'fields':
        for (const h of list) {
          this.hdrFields(h.resp.header);
          outln(`"Endpoint" : ${goQuote(h.ep)}`);
          outln(`"Hash" : ${toBig(h.resp.hash as any, true)}`);
          outln('');
        }
        return;
      case 'table':
        out(
          renderTable(
            ['endpoint', 'hash'],
            list.map((h) => [h.ep, String(toBig(h.resp.hash as any, true))]),
          ),
        );
        return;
      default:
        this.unsupported();
    }
  }

  /**
   * An Auth RPC's answer: `simple` is the command's own text; json and protobuf print the response message;
   * fields prints the header and the listed lines.
   */
  auth(
    codec: string,
    r: { header?: pb.IResponseHeader | null },
    simple: () => void,
    fields: () => void = () => {},
  ): void {
    switch (this.format) {
      case 'simple':
        return simple();
      case 'json':
        return this.json(this.obj(codec, r));
      case 'protobuf':
        return this.pb(codec, r);
      case 'fields':
        this.hdrFields(r.header);
        return fields();
      default:
        this.unsupported();
    }
  }

  dbStatus(ds: { hash: number; revision: number; totalKey: number; totalSize: number }): void {
    const row = [ds.hash.toString(16), String(ds.revision), String(ds.totalKey), humanizeBytes(ds.totalSize)];
    switch (this.format) {
      case 'simple':
        return outln(row.join(', '));
      case 'json':
        return this.json({
          hash: ds.hash,
          revision: ds.revision,
          totalKey: ds.totalKey,
          totalSize: ds.totalSize,
        });
      case 'fields':
        outln(`"Hash" : ${ds.hash}`);
        outln(`"Revision" : ${ds.revision}`);
        outln(`"Keys" : ${ds.totalKey}`);
        outln(`"Size" : ${ds.totalSize}`);
        return;
      case 'table':
        return out(renderTable(['hash', 'revision', 'total keys', 'total size'], [row]));
      default:
        this.unsupported();
    }
  }

  alarm(r: pb.AlarmResponse): void {
    const names = ['NONE', 'NOSPACE', 'CORRUPT'];
    switch (this.format) {
      case 'simple':
        for (const a of r.alarms)
          outln(`memberID:${toBig(a.memberID as any, true)} alarm:${names[a.alarm ?? 0] ?? a.alarm} `);
        return;
      case 'json':
        return this.json(this.obj('AlarmResponse', r));
      case 'protobuf':
        return this.pb('AlarmResponse', r);
      case 'fields':
        if (r.alarms.length === 0) {
          // etcdctl 3.4 dereferences a nil header here and panics (exit 2)
          process.stderr.write('panic: runtime error: invalid memory address or nil pointer dereference\n');
          process.exit(2);
        }
        this.hdrFields(r.header);
        for (const a of r.alarms) {
          outln(`"MemberID" : ${toBig(a.memberID as any, true)}`);
          outln(`"AlarmType" : ${names[a.alarm ?? 0] ?? a.alarm}`);
          outln('');
        }
        return;
      default:
        this.unsupported();
    }
  }
}
