// watch: prints events of a key or range until interrupted; `-- <command>` runs the command for each event
// with ETCD_WATCH_* in its environment; -i reads `watch ...` lines from stdin.
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { errorText } from '../../client/client-error.ts';
import type { Client } from '../../client/index.ts';
import { bytes, prefixEnd, toNum } from '../../client/values.ts';
import { goQuote } from '../go-format.ts';
import { Exit, exitWithError, errOut, outln } from '../output.ts';
import type { Printer } from '../printer.ts';
import type { CommandSpec, Ctx } from '../spec.ts';
import { argify } from './txn.ts';

interface WatchArgs {
  key: string;
  rangeEnd: string | undefined;
  exec: string[];
}

function watchArgs(args: string[], dashArgs: string[] | undefined, interactive: boolean): WatchArgs {
  const envKey = process.env['ETCDCTL_WATCH_KEY'] ?? '';
  const envRange = process.env['ETCDCTL_WATCH_RANGE_END'] ?? '';
  if (dashArgs !== undefined && dashArgs.length === 0) {
    exitWithError(Exit.BadArgs, 'bad number of arguments (found separator --, but no commands)');
  }
  let rest = args;
  if (interactive) {
    if (rest[0] !== 'watch') exitWithError(Exit.BadArgs, "args[0] must be 'watch' for interactive calls");
    rest = rest.slice(1);
  }
  if (envKey !== '' && rest.length > 0 && dashArgs === undefined) {
    exitWithError(Exit.BadArgs, 'bad number of arguments (args conflict with environment variable)');
  }
  const key = envKey !== '' ? envKey : rest[0];
  if (key === undefined || (envKey === '' && rest.length > 2))
    exitWithError(Exit.BadArgs, 'bad number of arguments');
  const rangeEnd = envRange !== '' ? envRange : rest[1];
  return { key, rangeEnd, exec: dashArgs ?? [] };
}

async function printWatch(c: Client, ctx: Ctx, wa: WatchArgs): Promise<void> {
  const prefix = ctx.flags.bool('prefix');
  if (prefix && wa.rangeEnd !== undefined)
    exitWithError(Exit.BadArgs, '`range_end` and `--prefix` are mutually exclusive');
  const key = bytes(wa.key);
  const rangeEnd = prefix
    ? key.length === 0
      ? Buffer.from([0])
      : prefixEnd(key)
    : wa.rangeEnd !== undefined
      ? bytes(wa.rangeEnd)
      : undefined;
  const w = c.watch(prefix && key.length === 0 ? Buffer.from([0]) : key, {
    ...(rangeEnd ? { rangeEnd } : {}),
    startRevision: Number(ctx.flags.int('rev')),
    prevKv: ctx.flags.bool('prev-kv'),
  });
  try {
    for await (const r of w) {
      if (r.created && !r.canceled) continue;
      show(ctx.printer, r, wa.exec);
    }
  } catch (e) {
    exitWithError(Exit.Error, e);
  }
  exitWithError(Exit.Interrupted, 'watch is canceled by the server');
}

function show(p: Printer, r: pb.WatchResponse, exec: string[]): void {
  if (r.canceled) {
    const reason =
      r.cancel_reason ||
      (toNum(r.compact_revision) > 0 ? 'etcdserver: mvcc: required revision has been compacted' : '');
    errOut(`watch was canceled (${reason || errorText('')})\n`);
  }
  const progress =
    r.events.length === 0 &&
    !r.canceled &&
    !r.created &&
    toNum(r.compact_revision) === 0 &&
    toNum(r.header?.revision) !== 0;
  if (progress) outln(`progress notify: ${toNum(r.header?.revision)}`);
  p.watch(r);
  if (exec.length === 0) return;
  for (const ev of r.events) {
    const env = {
      ...process.env,
      ETCD_WATCH_REVISION: String(toNum(r.header?.revision)),
      ETCD_WATCH_EVENT_TYPE: goQuote(ev.type === 1 ? 'DELETE' : 'PUT'),
      ETCD_WATCH_KEY: goQuote(ev.kv?.key ?? new Uint8Array()),
      ETCD_WATCH_VALUE: goQuote(ev.kv?.value ?? new Uint8Array()),
    };
    const res = spawnSync(exec[0]!, exec.slice(1), { env, stdio: 'inherit' });
    if (res.error || res.status !== 0) {
      const why = res.error ? res.error.message : `exit status ${res.status}`;
      errOut(`command ${'[' + exec.join(' ') + ']'} error (${why})\n`);
      process.exit(1);
    }
  }
}

export const watchCommand: CommandSpec = {
  name: 'watch',
  use: 'watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]',
  short: 'Watches events stream on keys or prefixes',
  flags: [
    { name: 'interactive', short: 'i', type: 'bool', def: 'false', desc: 'Interactive mode' },
    { name: 'prefix', type: 'bool', def: 'false', desc: 'Watch on a prefix if prefix is set' },
    { name: 'rev', type: 'int', def: '0', desc: 'Revision to start watching' },
    {
      name: 'prev-kv',
      type: 'bool',
      def: 'false',
      desc: 'get the previous key-value pair before the event happens',
    },
  ],
  async run(ctx, args) {
    const c = ctx.client();
    if (!ctx.flags.bool('interactive')) {
      if (args.length === 0 && (process.env['ETCDCTL_WATCH_KEY'] ?? '') === '')
        exitWithError(Exit.BadArgs, 'bad number of arguments');
      await printWatch(c, ctx, watchArgs(args, ctx.dashArgs, false));
      return;
    }
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      const words = argify(line);
      if (words.length === 0) continue;
      const dash = words.indexOf('--');
      const wa = watchArgs(
        dash < 0 ? words : words.slice(0, dash),
        dash < 0 ? undefined : words.slice(dash + 1),
        true,
      );
      void printWatch(c, ctx, wa);
    }
    await new Promise(() => {});
  },
};
