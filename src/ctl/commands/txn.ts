// txn: reads compares, success ops and failure ops from stdin (each list ends with an empty line), as
// etcdctl 3.4 does; with -i it prompts for each list. Op lines are parsed with get/put/del's own flags.
import { readSync } from 'node:fs';
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { bytes, int64 } from '../../client/values.ts';
import { goQuote, parseGoInt } from '../go-format.ts';
import { CtlExit, Exit, exitWithError, outln, errOut } from '../output.ts';
import type { CommandSpec, Flags, FlagSpec } from '../spec.ts';
import { DEL_FLAGS, delRequest, GET_FLAGS, getRequest, must, PUT_FLAGS, putRequest } from './kv.ts';

/** Reads one line from fd 0 byte by byte (works for a TTY and a pipe); undefined at EOF without a newline. */
class LineReader {
  private pending = Buffer.alloc(0);
  private eof = false;

  readLine(): string | undefined {
    for (;;) {
      const nl = this.pending.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.pending.subarray(0, nl + 1).toString('latin1');
        this.pending = this.pending.subarray(nl + 1);
        return line;
      }
      if (this.eof) return undefined;
      const buf = Buffer.alloc(4096);
      let n: number;
      try {
        n = readSync(0, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if ((e as NodeJS.ErrnoException).code === 'EOF') n = 0;
        else throw e;
      }
      if (n === 0) this.eof = true;
      else this.pending = Buffer.concat([this.pending, buf.subarray(0, n)]);
    }
  }
}

/** etcdctl's Argify: words, "double-quoted" (Go escapes) and 'single-quoted' strings. */
export function argify(s: string): string[] {
  const re = /"(?:[^"\\]|\\.)*"|'[^']*'|[^'"\s]\S*[^'"\s]?/g;
  const args = s.match(re) ?? [];
  return args.map((a, _i, all) => {
    if (a.startsWith("'")) return a.slice(1, all.length - 1);
    if (a.startsWith('"')) {
      const v = unquoteGo(a);
      if (v === undefined) exitWithError(Exit.InvalidInput, 'unexpected EOF');
      return v;
    }
    return a;
  });
}

/** Go's strconv.Unquote for a double-quoted string (as fmt's %q scanning reads it). */
function unquoteGo(q: string): string | undefined {
  try {
    const v = JSON.parse(
      q
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
        .replace(/\\a/g, '\\u0007')
        .replace(/\\v/g, '\\u000b'),
    ) as string;
    return Buffer.from(v, 'utf8').toString('latin1');
  } catch {
    return undefined;
  }
}

/** A tiny pflag for one op line: `--flag`, `--flag=v`, `--flag v`; undefined on any unknown or bad flag. */
function parseOpFlags(
  specs: readonly FlagSpec[],
  words: string[],
): { flags: Flags; args: string[] } | undefined {
  const values: Record<string, string | boolean> = {};
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--') || w === '--') {
      args.push(w);
      continue;
    }
    const [name, inline] = w.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = specs.find((f) => f.name === name);
    if (!spec) return undefined;
    if (spec.type === 'bool') values[name] = inline === undefined ? true : inline === 'true';
    else if (inline !== undefined) values[name] = inline;
    else {
      const v = words[++i];
      if (v === undefined) return undefined;
      values[name] = v;
    }
  }
  const get = (n: string): string => String(values[n] ?? specs.find((f) => f.name === n)?.def ?? '');
  const flags: Flags = {
    bool: (n) => values[n] === true,
    str: get,
    int: (n) => parseGoInt(get(n)) ?? 0n,
    dur: () => 0,
    strs: (n) => get(n).split(','),
    changed: (n) => n in values,
  };
  return { flags, args };
}

function parseOp(line: string): pb.RequestOp.$Properties {
  const words = argify(line);
  if (words.length < 2) exitWithError(Exit.InvalidInput, `invalid txn compare request: ${line}`);
  const [verb, ...rest] = words as [string, ...string[]];
  const bad = (): never => exitWithError(Exit.InvalidInput, `invalid txn request: ${line}`);
  const table: Record<string, readonly FlagSpec[]> = { get: GET_FLAGS, put: PUT_FLAGS, del: DEL_FLAGS };
  const specs = table[verb];
  if (!specs) return bad();
  const parsed = parseOpFlags(specs, rest) ?? bad();
  if (verb === 'get') return { request_range: getRequest(parsed.flags, parsed.args) };
  if (verb === 'put') return { request_put: putRequest(parsed.flags, parsed.args, false) };
  return { request_delete_range: delRequest(parsed.flags, parsed.args) };
}

const RESULTS: Record<string, number> = { '=': 0, '>': 1, '<': 2, '!=': 3 };

export function parseCompare(line: string): pb.Compare.$Properties {
  const lp = line.indexOf('(');
  if (lp < 0) exitWithError(Exit.InvalidInput, `malformed comparison: ${line}`);
  const target = line.slice(0, lp);
  const rest = line.slice(lp + 1);
  const m = /^("(?:[^"\\]|\\.)*")\)\s*(\S+)\s*("(?:[^"\\]|\\.)*")/.exec(rest);
  const key = m ? unquoteGo(m[1]!) : undefined;
  const val = m ? unquoteGo(m[3]!) : undefined;
  if (!m || key === undefined || val === undefined) {
    exitWithError(
      Exit.InvalidInput,
      `malformed comparison: ${line}; got ${target}(${goQuote(key ?? '')}) ${m?.[2] ?? ''} ${goQuote(val ?? '')}`,
    );
  }
  const op = m[2]!;
  const result = RESULTS[op];
  if (result === undefined) {
    errOut('panic: Unknown result op\n');
    throw new CtlExit(2);
  }
  const k = Buffer.from(key, 'latin1');
  const num = (base: number): number | ReturnType<typeof int64> => {
    const v = parseGoInt(val, base);
    if (v === undefined) exitWithError(Exit.InvalidInput, `invalid txn compare request: ${line}`);
    return int64(v);
  };
  switch (target) {
    case 'ver':
    case 'version':
      return { key: k, result, target: 0, version: num(10) };
    case 'c':
    case 'create':
      return { key: k, result, target: 1, create_revision: num(10) };
    case 'm':
    case 'mod':
      return { key: k, result, target: 2, mod_revision: num(10) };
    case 'val':
    case 'value':
      return { key: k, result, target: 3, value: Buffer.from(val, 'latin1') };
    case 'lease':
      return { key: k, result, target: 4, lease: num(16) };
    default:
      return exitWithError(Exit.InvalidInput, `malformed comparison: ${line} (unknown target ${target})`);
  }
}

function readList<T>(r: LineReader, parse: (line: string) => T): T[] {
  const items: T[] = [];
  for (;;) {
    const raw = r.readLine();
    if (raw === undefined) exitWithError(Exit.InvalidInput, 'EOF');
    const line = raw.trim();
    if (line === '') return items;
    items.push(parse(line));
  }
}

export const txnCommand: CommandSpec = {
  name: 'txn',
  use: 'txn [options]',
  short: 'Txn processes all the requests in one transaction',
  flags: [
    {
      name: 'interactive',
      short: 'i',
      type: 'bool',
      def: 'false',
      desc: 'Input transaction in interactive mode',
    },
  ],
  async run(ctx, args) {
    if (args.length !== 0) exitWithError(Exit.BadArgs, 'txn command does not accept argument');
    const interactive = ctx.flags.bool('interactive');
    const prompt = (s: string): void => {
      if (interactive) outln(s);
    };
    const r = new LineReader();
    prompt('compares:');
    const compare = readList(r, parseCompare);
    prompt('success requests (get, put, del):');
    const success = readList(r, parseOp);
    prompt('failure requests (get, put, del):');
    const failure = readList(r, parseOp);
    const res = await must(ctx.client().txn({ compare, success, failure }));
    ctx.printer.txn(res);
  },
};

export { bytes };
