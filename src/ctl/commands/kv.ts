// get, put, del, compaction: etcdctl 3.4's KV commands. The request builders are shared with txn, whose
// lines are parsed with the same flags.
import { readFileSync } from 'node:fs';
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { bytes, int64, prefixEnd } from '../../client/values.ts';
import { parseGoInt } from '../go-format.ts';
import { Exit, exitWithError, outln } from '../output.ts';
import type { CommandSpec, Ctx, Flags, FlagSpec } from '../spec.ts';

const b = (name: string, desc: string): FlagSpec => ({ name, type: 'bool', def: 'false', desc });

export const GET_FLAGS: readonly FlagSpec[] = [
  { name: 'consistency', type: 'string', def: 'l', desc: 'Linearizable(l) or Serializable(s)' },
  { name: 'order', type: 'string', def: '', desc: 'Order of results; ASCEND or DESCEND (ASCEND by default)' },
  { name: 'sort-by', type: 'string', def: '', desc: 'Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION' },
  { name: 'limit', type: 'int', def: '0', desc: 'Maximum number of results' },
  b('prefix', 'Get keys with matching prefix'),
  b('from-key', 'Get keys that are greater than or equal to the given key using byte compare'),
  { name: 'rev', type: 'int', def: '0', desc: 'Specify the kv revision' },
  b('keys-only', 'Get only the keys'),
  b('print-value-only', 'Only write values when using the "simple" output format'),
];

export const PUT_FLAGS: readonly FlagSpec[] = [
  { name: 'lease', type: 'string', def: '0', desc: 'lease ID (in hexadecimal) to attach to the key' },
  b('prev-kv', 'return the previous key-value pair before modification'),
  b('ignore-value', 'updates the key using its current value'),
  b('ignore-lease', 'updates the key using its current lease'),
];

export const DEL_FLAGS: readonly FlagSpec[] = [
  b('prefix', 'delete keys with matching prefix'),
  b('prev-kv', 'return deleted key-value pairs'),
  b('from-key', 'delete keys that are greater than or equal to the given key using byte compare'),
];

const ZERO = Buffer.from([0]);

/** The key range of `key [range_end]` with --prefix / --from-key, as clientv3's options build it. */
function keyRange(
  key: string,
  rangeEnd: string | undefined,
  prefix: boolean,
  fromKey: boolean,
): { key: Buffer; range_end?: Buffer } {
  const k = bytes(key);
  if (prefix) return k.length === 0 ? { key: ZERO, range_end: ZERO } : { key: k, range_end: prefixEnd(k) };
  if (fromKey) return { key: k.length === 0 ? ZERO : k, range_end: ZERO };
  return rangeEnd === undefined ? { key: k } : { key: k, range_end: bytes(rangeEnd) };
}

export function getRequest(flags: Flags, args: string[]): pb.RangeRequest.$Properties {
  if (args.length === 0)
    exitWithError(
      Exit.BadArgs,
      'get command needs one argument as key and an optional argument as range_end',
    );
  const prefix = flags.bool('prefix');
  const fromKey = flags.bool('from-key');
  if (prefix && fromKey)
    exitWithError(Exit.BadArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  const consistency = flags.str('consistency');
  if (consistency !== 'l' && consistency !== 's')
    exitWithError(Exit.BadFeature, `unknown consistency flag ${JSON.stringify(consistency)}`);
  if (args.length > 1 && (prefix || fromKey)) {
    exitWithError(
      Exit.BadArgs,
      'too many arguments, only accept one argument when `--prefix` or `--from-key` is set',
    );
  }
  const orderName = flags.str('order');
  const orders: Record<string, number> = { '': 0, ASCEND: 1, DESCEND: 2 };
  let order = orders[orderName];
  if (order === undefined) exitWithError(Exit.BadFeature, `bad sort order ${orderName}`);
  const targetName = flags.str('sort-by');
  const targets: Record<string, number> = { '': 0, KEY: 0, VERSION: 1, CREATE: 2, MODIFY: 3, VALUE: 4 };
  const target = targets[targetName];
  if (target === undefined) exitWithError(Exit.BadFeature, `bad sort target ${targetName}`);
  // clientv3 drops an ascending sort by key: the server returns keys in that order anyway
  if (target === 0 && order === 1) order = 0;
  const req: pb.RangeRequest.$Properties = {
    ...keyRange(args[0]!, args[1], prefix, fromKey),
    limit: Number(flags.int('limit')),
    revision: Number(flags.int('rev')),
    sort_order: order,
    sort_target: target,
    serializable: consistency === 's',
    keys_only: flags.bool('keys-only'),
  };
  return req;
}

function readStdin(): string {
  try {
    return readFileSync(0, 'latin1');
  } catch {
    return '';
  }
}

export function putRequest(flags: Flags, args: string[], allowStdin = true): pb.PutRequest.$Properties {
  const usageErr = 'put command needs 1 argument and input from stdin or 2 arguments';
  if (args.length === 0) exitWithError(Exit.BadArgs, usageErr);
  const ignoreValue = flags.bool('ignore-value');
  if (ignoreValue && args.length > 1)
    exitWithError(Exit.BadArgs, "put command needs only 1 argument when 'ignore-value' is set");
  let value: Buffer = Buffer.alloc(0);
  if (!ignoreValue) {
    if (args.length > 1) value = bytes(args[1]!);
    else {
      const s = allowStdin ? readStdin() : '';
      if (s.length === 0) exitWithError(Exit.BadArgs, usageErr);
      value = Buffer.from(s, 'latin1');
    }
  }
  const leaseStr = flags.str('lease');
  const id = parseGoInt(leaseStr, 16);
  if (id === undefined) {
    const why = /^[+-]?[0-9a-fA-F]+$/.test(leaseStr) ? 'value out of range' : 'invalid syntax';
    exitWithError(
      Exit.BadArgs,
      `bad lease ID (strconv.ParseInt: parsing ${JSON.stringify(leaseStr)}: ${why}), expecting ID in Hex`,
    );
  }
  return {
    key: bytes(args[0]!),
    value,
    lease: int64(id),
    prev_kv: flags.bool('prev-kv'),
    ignore_value: ignoreValue,
    ignore_lease: flags.bool('ignore-lease'),
  };
}

export function delRequest(flags: Flags, args: string[]): pb.DeleteRangeRequest.$Properties {
  if (args.length === 0 || args.length > 2) {
    exitWithError(
      Exit.BadArgs,
      'del command needs one argument as key and an optional argument as range_end',
    );
  }
  const prefix = flags.bool('prefix');
  const fromKey = flags.bool('from-key');
  if (prefix && fromKey)
    exitWithError(Exit.BadArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  if (args.length > 1 && (prefix || fromKey)) {
    exitWithError(
      Exit.BadArgs,
      'too many arguments, only accept one argument when `--prefix` or `--from-key` is set',
    );
  }
  return { ...keyRange(args[0]!, args[1], prefix, fromKey), prev_kv: flags.bool('prev-kv') };
}

async function must<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    return exitWithError(Exit.Error, e);
  }
}
export { must };

export const getCommand: CommandSpec = {
  name: 'get',
  use: 'get [options] <key> [range_end]',
  short: 'Gets the key or a range of keys',
  flags: GET_FLAGS,
  async run(ctx: Ctx, args: string[]) {
    const req = getRequest(ctx.flags, args);
    if (ctx.flags.bool('print-value-only')) {
      if (ctx.printer.format !== 'simple')
        exitWithError(Exit.BadArgs, 'print-value-only is only for `--write-out=simple`');
      ctx.printer.valueOnly = true;
    }
    const r = await must(ctx.client().range(req));
    ctx.printer.get(r);
  },
};

export const putCommand: CommandSpec = {
  name: 'put',
  use: 'put [options] <key> <value> (<value> can also be given from stdin)',
  short: 'Puts the given key into the store',
  long: [
    'Puts the given key into the store.',
    '',
    "When <value> begins with '-', <value> is interpreted as a flag.",
    "Insert '--' for workaround:",
    '',
    '$ put <key> -- <value>',
    '$ put -- <key> <value>',
    '',
    "If <value> isn't given as a command line argument and '--ignore-value' is not specified,",
    'this command tries to read the value from standard input.',
    '',
    "If <lease> isn't given as a command line argument and '--ignore-lease' is not specified,",
    'this command tries to read the value from standard input.',
    '',
    'For example,',
    '$ cat file | put <key>',
    'will store the content of the file to <key>.',
  ].join('\n'),
  flags: PUT_FLAGS,
  async run(ctx: Ctx, args: string[]) {
    const req = putRequest(ctx.flags, args);
    const r = await must(ctx.client().call('/etcdserverpb.KV/Put', req));
    ctx.printer.put(r);
  },
};

export const delCommand: CommandSpec = {
  name: 'del',
  use: 'del [options] <key> [range_end]',
  short: 'Removes the specified key or range of keys [key, range_end)',
  flags: DEL_FLAGS,
  async run(ctx: Ctx, args: string[]) {
    const req = delRequest(ctx.flags, args);
    const r = await must(ctx.client().deleteRange(req));
    ctx.printer.del(r);
  },
};

export const compactionCommand: CommandSpec = {
  name: 'compaction',
  use: 'compaction [options] <revision>',
  short: 'Compacts the event history in etcd',
  flags: [b('physical', "'true' to wait for compaction to physically remove all old revisions")],
  async run(ctx: Ctx, args: string[]) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'compaction command needs 1 argument');
    const rev = parseGoInt(args[0]!);
    if (rev === undefined)
      exitWithError(Exit.Error, `strconv.ParseInt: parsing ${JSON.stringify(args[0])}: invalid syntax`);
    await must(ctx.client().compact(rev, ctx.flags.bool('physical')));
    outln(`compacted revision ${rev}`);
  },
};
