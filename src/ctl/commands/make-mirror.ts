// make-mirror: copies a prefix (or everything) of this cluster into another one, then follows changes:
// a consistent base copy at one revision (ranges of 1000 keys at that revision), then a watch from the
// next revision, each source revision replayed as one destination transaction. Prints the number of keys
// mirrored every 30 s, as etcdctl 3.4 does; runs until interrupted or the watch is compacted away.
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { EtcdError } from '../../api/errors.ts';
import { bytes, prefixEnd, toNum } from '../../client/values.ts';
import { readFileSync } from 'node:fs';
import { Exit, exitWithError, outln } from '../output.ts';
import type { CommandSpec } from '../spec.ts';

const BATCH = 1000;

export const makeMirrorCommand: CommandSpec = {
  name: 'make-mirror',
  use: 'make-mirror [options] <destination>',
  short: 'Makes a mirror at the destination etcd cluster',
  flags: [
    { name: 'prefix', type: 'string', def: '', desc: 'Key-value prefix to mirror' },
    {
      name: 'dest-prefix',
      type: 'string',
      def: '',
      desc: 'destination prefix to mirror a prefix to a different prefix in the destination cluster',
    },
    {
      name: 'no-dest-prefix',
      type: 'bool',
      def: 'false',
      desc: 'mirror key-values to the root of the destination cluster',
    },
    {
      name: 'dest-cert',
      type: 'string',
      def: '',
      desc: 'Identify secure client using this TLS certificate file for the destination cluster',
    },
    { name: 'dest-key', type: 'string', def: '', desc: 'Identify secure client using this TLS key file' },
    {
      name: 'dest-cacert',
      type: 'string',
      def: '',
      desc: 'Verify certificates of TLS enabled secure servers using this CA bundle',
    },
    {
      name: 'dest-insecure-transport',
      type: 'bool',
      def: 'true',
      desc: 'Disable transport security for client connections',
    },
  ],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'make-mirror takes one destination argument');
    const f = ctx.flags;
    const g = ctx.globals;
    const read = (p: string): Buffer | undefined => (p === '' ? undefined : readFileSync(p));
    const secure = f.str('dest-cacert') !== '' || f.str('dest-cert') !== '' || f.str('dest-key') !== '';
    // the client code loads with the command that uses it (see cli.ts)
    const { Client } = await import('../../client/client.ts');
    const dest = new Client({
      endpoints: [args[0]!],
      dialTimeoutMs: g.dialTimeoutMs,
      commandTimeoutMs: g.commandTimeoutMs,
      keepAliveTimeMs: g.keepAliveTimeMs,
      keepAliveTimeoutMs: g.keepAliveTimeoutMs,
      ...(secure
        ? {
            tls: {
              ...(read(f.str('dest-cacert')) ? { ca: read(f.str('dest-cacert'))! } : {}),
              ...(read(f.str('dest-cert')) ? { cert: read(f.str('dest-cert'))! } : {}),
              ...(read(f.str('dest-key')) ? { key: read(f.str('dest-key'))! } : {}),
            },
          }
        : {}),
    });
    const src = ctx.client();
    const prefix = f.str('prefix');
    let destPrefix = f.str('dest-prefix');
    const noDestPrefix = f.bool('no-dest-prefix');
    let total = 0;
    setInterval(() => outln(String(total)), 30_000);
    let failure: unknown = '<nil>';
    try {
      // the base copy is read at one revision, so it is a consistent picture of the source
      const rev = toNum((await src.get('foo')).header?.revision);
      if (noDestPrefix && destPrefix.length > 0) {
        failure = undefined;
        exitWithError(
          Exit.BadArgs,
          '`--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, choose one',
        );
      }
      if (!noDestPrefix && destPrefix.length === 0) destPrefix = prefix;
      // Go's strings.Replace(key, prefix, destPrefix, 1) on byte strings
      const rename = (k: Uint8Array | null | undefined): Buffer => {
        const key = Buffer.from(k ?? []).toString('latin1');
        const i = key.indexOf(prefix);
        const out = i < 0 ? key : key.slice(0, i) + destPrefix + key.slice(i + prefix.length);
        return Buffer.from(out, 'latin1');
      };
      let key = prefix === '' ? Buffer.from([0]) : bytes(prefix);
      const rangeEnd = prefix === '' ? Buffer.from([0]) : prefixEnd(prefix);
      for (;;) {
        const r = await src.range({ key, range_end: rangeEnd, limit: BATCH, revision: rev });
        for (const kv of r.kvs) {
          await dest.put(rename(kv.key), Buffer.from(kv.value ?? []));
          total++;
        }
        if (!r.more || r.kvs.length === 0) break;
        key = Buffer.concat([Buffer.from(r.kvs[r.kvs.length - 1]!.key ?? []), Buffer.from([0])]);
      }
      const w = src.watch(prefix === '' ? Buffer.from([0]) : bytes(prefix), {
        rangeEnd,
        startRevision: rev + 1,
      });
      for await (const wr of w) {
        if (toNum(wr.compact_revision) !== 0) throw EtcdError.of('Compacted');
        let ops: pb.RequestOp.$Properties[] = [];
        let lastRev = 0;
        for (const ev of wr.events) {
          const next = toNum(ev.kv?.mod_revision);
          if (lastRev !== 0 && next > lastRev) {
            await dest.txn({ success: ops });
            ops = [];
          }
          lastRev = next;
          ops.push(
            ev.type === 1
              ? { request_delete_range: { key: rename(ev.kv?.key) } }
              : { request_put: { key: rename(ev.kv?.key), value: Buffer.from(ev.kv?.value ?? []) } },
          );
          total++;
        }
        if (ops.length > 0) await dest.txn({ success: ops });
      }
    } catch (e) {
      if (failure === undefined) throw e;
      failure = e;
    } finally {
      dest.close();
    }
    // etcdctl exits through ExitWithError even when the watch simply ends (it then prints `<nil>`)
    exitWithError(Exit.Error, failure);
  },
};
