// tsetcdctl's command line: etcdctl 3.4's global flags and ETCDCTL_* environment, commander for the command
// tree, and pflag/cobra's error texts and exit codes for bad input.
//
// Start-up cost: this module and the command tree (root.ts) load only light code. The client (gRPC, the
// protobuf codecs) is imported once a command that talks to a server is about to run, the protobuf output
// codecs only for `-w protobuf`, and heavy command parts (snapshot files, progress bars) inside their run.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { Client } from '../client/index.ts';
import { parseGoDuration, parseGoInt } from './go-format.ts';
import { CtlExit, errOut, Exit, exitWithError, out } from './output.ts';
import { readLine } from './prompt.ts';
import { complete, COMPLETE_COMMAND } from './commands/completion.ts';
import { FORMATS, Printer, type Codec, type Format } from './printer.ts';
import type { CommandSpec, Ctx, FlagSpec, Flags, Globals } from './spec.ts';
import { usage } from './usage.ts';

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'cacert',
    type: 'string',
    def: '',
    desc: 'verify certificates of TLS-enabled secure servers using this CA bundle',
  },
  { name: 'cert', type: 'string', def: '', desc: 'identify secure client using this TLS certificate file' },
  {
    name: 'command-timeout',
    type: 'duration',
    def: '5s',
    desc: 'timeout for short running command (excluding dial timeout)',
  },
  { name: 'debug', type: 'bool', def: 'false', desc: 'enable client-side debug logging' },
  { name: 'dial-timeout', type: 'duration', def: '2s', desc: 'dial timeout for client connections' },
  {
    name: 'discovery-srv',
    short: 'd',
    type: 'string',
    def: '',
    desc: 'domain name to query for SRV records describing cluster endpoints',
  },
  {
    name: 'discovery-srv-name',
    type: 'string',
    def: '',
    desc: 'service name to query when using DNS discovery',
  },
  { name: 'endpoints', type: 'strings', def: '[127.0.0.1:2379]', desc: 'gRPC endpoints' },
  { name: 'hex', type: 'bool', def: 'false', desc: 'print byte strings as hex encoded strings' },
  {
    name: 'insecure-discovery',
    type: 'bool',
    def: 'true',
    desc: 'accept insecure SRV records describing cluster endpoints',
  },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    def: 'false',
    desc: 'skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)',
  },
  {
    name: 'insecure-transport',
    type: 'bool',
    def: 'true',
    desc: 'disable transport security for client connections',
  },
  { name: 'keepalive-time', type: 'duration', def: '2s', desc: 'keepalive time for client connections' },
  {
    name: 'keepalive-timeout',
    type: 'duration',
    def: '6s',
    desc: 'keepalive timeout for client connections',
  },
  { name: 'key', type: 'string', def: '', desc: 'identify secure client using this TLS key file' },
  {
    name: 'password',
    type: 'string',
    def: '',
    desc: "password for authentication (if this option is used, --user option shouldn't include password)",
  },
  {
    name: 'user',
    type: 'string',
    def: '',
    desc: 'username[:password] for authentication (prompt if password is not supplied)',
  },
  {
    name: 'write-out',
    short: 'w',
    type: 'string',
    def: 'simple',
    desc: 'set the output format (fields, json, protobuf, simple, table)',
  },
];

const HELP_FLAG = (cmd: string): FlagSpec => ({
  name: 'help',
  short: 'h',
  type: 'bool',
  def: 'false',
  desc: `help for ${cmd}`,
});

/** The protobuf codecs of the responses the printers write as JSON or protobuf. */
async function protobufCodecs(): Promise<Record<string, Codec>> {
  const { etcdserverpb, mvccpb } = await import('../api/gen/etcd.js');
  return {
    ResponseHeader: etcdserverpb.ResponseHeader,
    RangeResponse: etcdserverpb.RangeResponse,
    PutResponse: etcdserverpb.PutResponse,
    DeleteRangeResponse: etcdserverpb.DeleteRangeResponse,
    TxnResponse: etcdserverpb.TxnResponse,
    WatchResponse: etcdserverpb.WatchResponse,
    Event: mvccpb.Event,
    LeaseRevokeResponse: etcdserverpb.LeaseRevokeResponse,
    MemberListResponse: etcdserverpb.MemberListResponse,
    MemberAddResponse: etcdserverpb.MemberAddResponse,
    MemberRemoveResponse: etcdserverpb.MemberRemoveResponse,
    MemberUpdateResponse: etcdserverpb.MemberUpdateResponse,
    MemberPromoteResponse: etcdserverpb.MemberPromoteResponse,
    StatusResponse: etcdserverpb.StatusResponse,
    HashKVResponse: etcdserverpb.HashKVResponse,
    AlarmResponse: etcdserverpb.AlarmResponse,
    MoveLeaderResponse: etcdserverpb.MoveLeaderResponse,
    AuthEnableResponse: etcdserverpb.AuthEnableResponse,
    AuthDisableResponse: etcdserverpb.AuthDisableResponse,
    AuthUserAddResponse: etcdserverpb.AuthUserAddResponse,
    AuthUserGetResponse: etcdserverpb.AuthUserGetResponse,
    AuthUserListResponse: etcdserverpb.AuthUserListResponse,
    AuthUserDeleteResponse: etcdserverpb.AuthUserDeleteResponse,
    AuthUserChangePasswordResponse: etcdserverpb.AuthUserChangePasswordResponse,
    AuthUserGrantRoleResponse: etcdserverpb.AuthUserGrantRoleResponse,
    AuthUserRevokeRoleResponse: etcdserverpb.AuthUserRevokeRoleResponse,
    AuthRoleAddResponse: etcdserverpb.AuthRoleAddResponse,
    AuthRoleGetResponse: etcdserverpb.AuthRoleGetResponse,
    AuthRoleListResponse: etcdserverpb.AuthRoleListResponse,
    AuthRoleDeleteResponse: etcdserverpb.AuthRoleDeleteResponse,
    AuthRoleGrantPermissionResponse: etcdserverpb.AuthRoleGrantPermissionResponse,
    AuthRoleRevokePermissionResponse: etcdserverpb.AuthRoleRevokePermissionResponse,
  };
}

/** pflag's error for a value its type cannot parse. */
function badValue(value: string, flag: string, why: string): never {
  throw new FlagError(`invalid argument ${JSON.stringify(value)} for "--${flag}" flag: ${why}`);
}

class FlagError extends Error {}

function makeFlags(specs: readonly FlagSpec[], values: Record<string, unknown>, changed: Set<string>): Flags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const raw = (name: string): string => {
    const v = values[name];
    if (v === undefined) return byName.get(name)?.def.replace(/^\[(.*)\]$/, '$1') ?? '';
    return String(v);
  };
  return {
    bool: (name) => {
      const v = values[name];
      if (v === undefined) return byName.get(name)?.def === 'true';
      return v === true || v === 'true';
    },
    str: raw,
    int: (name) => {
      const s = raw(name);
      const v = parseGoInt(s);
      if (v === undefined)
        badValue(s, name, `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
      return v;
    },
    dur: (name) => {
      const s = raw(name);
      const v = parseGoDuration(s);
      if (v === undefined) badValue(s, name, `time: invalid duration ${JSON.stringify(s)}`);
      return v;
    },
    strs: (name) => {
      const s = raw(name);
      return s === '' ? [] : s.split(',');
    },
    changed: (name) => changed.has(name),
  };
}

/** Rewrites pflag's `--bool=true|false` forms, which commander does not know, into plain flags. */
function normalizeBools(argv: string[], boolFlags: Map<string, FlagSpec>): string[] {
  const outArgs: string[] = [];
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    const spec = m ? boolFlags.get(m[1]!) : undefined;
    if (!m || !spec) {
      outArgs.push(a);
      continue;
    }
    const v = m[2]!.toLowerCase();
    const truthy = ['1', 't', 'true'].includes(v);
    const falsy = ['0', 'f', 'false'].includes(v);
    if (!truthy && !falsy) {
      outArgs.push(a);
      continue;
    }
    outArgs.push(truthy ? `--${spec.name}` : `--no-${spec.name}`);
  }
  return outArgs;
}

function envName(flag: string): string {
  return 'ETCDCTL_' + flag.toUpperCase().replace(/-/g, '_');
}

function resolveGlobals(flags: Flags, values: Record<string, unknown>, changed: Set<string>): Globals {
  const known = new Set(GLOBAL_FLAGS.map((f) => envName(f.name)));
  known.add('ETCDCTL_API');
  for (const k of Object.keys(process.env)) {
    if (k.startsWith('ETCDCTL_') && !known.has(k)) {
      errOut(`${goLogTime()} W | pkg/flags: unrecognized environment variable ${k}=${process.env[k]}\n`);
    }
  }
  for (const f of GLOBAL_FLAGS) {
    const env = process.env[envName(f.name)];
    if (env === undefined) continue;
    if (changed.has(f.name)) {
      errOut(
        `${goLogTime()} C | pkg/flags: conflicting environment variable "${envName(f.name)}" is shadowed by corresponding command-line flag (either unset environment variable or disable flag)\n`,
      );
      throw new CtlExit(Exit.Error);
    }
    // etcdctl ignores environment values its flag type cannot parse
    if (f.type === 'duration' && parseGoDuration(env) === undefined) continue;
    values[f.name] = f.type === 'bool' ? ['1', 't', 'true', 'T', 'TRUE', 'True'].includes(env) : env;
  }
  return {
    endpoints: flags.strs('endpoints'),
    dialTimeoutMs: flags.dur('dial-timeout'),
    commandTimeoutMs: flags.dur('command-timeout'),
    keepAliveTimeMs: flags.dur('keepalive-time'),
    keepAliveTimeoutMs: flags.dur('keepalive-timeout'),
    writeOut: flags.str('write-out'),
    hex: flags.bool('hex'),
    user: flags.str('user'),
    password: flags.str('password'),
    cacert: flags.str('cacert'),
    cert: flags.str('cert'),
    key: flags.str('key'),
    insecureSkipTlsVerify: flags.bool('insecure-skip-tls-verify'),
    insecureTransport: flags.bool('insecure-transport'),
    debug: flags.bool('debug'),
  };
}

/** capnslog's timestamp, `2006-01-02 15:04:05.000000` in local time. */
function goLogTime(): string {
  const d = new Date();
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds() * 1000, 6)}`;
}

/** The client module, once loadClient() has run (before any command that is not `offline`). */
let clientModule: typeof import('../client/client.ts') | undefined;

async function loadClient(): Promise<void> {
  clientModule ??= await import('../client/client.ts');
}

export function clientFromGlobals(g: Globals): Client {
  if (clientModule === undefined)
    throw new Error('internal error: the client is not loaded for an offline command');
  // etcdctl 3.4: with --password the whole --user is the name; otherwise `name:password`, or a prompt
  let user = g.user;
  let password = g.password;
  if (user !== '' && password === '') {
    const i = user.indexOf(':');
    if (i < 0) {
      out('Password: ');
      password = readLine();
    } else {
      password = user.slice(i + 1);
      user = user.slice(0, i);
    }
  }
  const secure = g.cacert !== '' || g.cert !== '' || g.key !== '' || g.insecureSkipTlsVerify;
  const read = (f: string): Buffer | undefined => (f === '' ? undefined : readFileSync(f));
  return new clientModule.Client({
    endpoints: g.endpoints,
    dialTimeoutMs: g.dialTimeoutMs,
    commandTimeoutMs: g.commandTimeoutMs,
    keepAliveTimeMs: g.keepAliveTimeMs,
    keepAliveTimeoutMs: g.keepAliveTimeoutMs,
    ...(user !== '' ? { auth: { user, password } } : {}),
    ...(secure
      ? {
          tls: {
            ...(g.cacert ? { ca: read(g.cacert)! } : {}),
            ...(g.cert ? { cert: read(g.cert)! } : {}),
            ...(g.key ? { key: read(g.key)! } : {}),
            insecureSkipVerify: g.insecureSkipTlsVerify,
          },
        }
      : {}),
  });
}

interface Node {
  spec: CommandSpec;
  path: string[];
  parent: Node | undefined;
}

/**
 * cobra's `help [command]`: the usage of the deepest command the words name; an unknown first word prints
 * "Unknown help topic" on stderr and the root usage.
 */
export function printHelp(root: CommandSpec, words: string[]): void {
  let node: Node = { spec: root, path: [root.name], parent: undefined };
  for (const [i, w] of words.entries()) {
    const next = node.spec.sub?.find((s) => s.name === w && !s.hidden);
    if (!next) {
      if (i === 0) errOut(`Unknown help topic [\`${words.join(' ')}\`]\n`);
      break;
    }
    node = { spec: next, path: [...node.path, next.name], parent: node };
  }
  out(usage(node.spec, node.path, [...GLOBAL_FLAGS, ...inherited(node)], HELP_FLAG));
}

/** Runs tsetcdctl with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], root: CommandSpec): Promise<number> {
  if (argv[0] === COMPLETE_COMMAND) {
    // the completion scripts' callback: raw words, never parsed as flags
    const words = argv.length > 1 ? argv.slice(1) : [''];
    for (const c of complete(root, GLOBAL_FLAGS, words)) out(c + '\n');
    return Exit.Success;
  }
  let client: Client | undefined;
  try {
    await parseAndRun(argv, root, (c) => (client = c));
    return Exit.Success;
  } catch (e) {
    if (e instanceof CtlExit) return e.code;
    errOut(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return Exit.Error;
  } finally {
    (client as Client | undefined)?.close();
  }
}

async function parseAndRun(argv: string[], root: CommandSpec, onClient: (c: Client) => void): Promise<void> {
  const dash = argv.indexOf('--');
  const dashCount = dash < 0 ? -1 : argv.length - dash - 1;
  const boolFlags = new Map<string, FlagSpec>();
  const collect = (s: CommandSpec): void => {
    for (const f of [...(s.flags ?? []), ...(s.persistentFlags ?? [])])
      if (f.type === 'bool') boolFlags.set(f.name, f);
    for (const c of s.sub ?? []) collect(c);
  };
  collect(root);
  for (const f of GLOBAL_FLAGS) if (f.type === 'bool') boolFlags.set(f.name, f);
  const flagsArgs = (a: string[]): string[] => escapeNoFlags(normalizeBools(a, boolFlags), boolFlags);
  const args = dash < 0 ? flagsArgs(argv) : [...flagsArgs(argv.slice(0, dash)), ...argv.slice(dash)];

  let selected: { node: Node; opts: Record<string, unknown>; args: string[]; cmd: Command } | undefined;
  const program = build(
    root,
    undefined,
    [root.name],
    (node, opts, a, cmd) => (selected = { node, opts, args: a, cmd }),
  );
  for (const f of GLOBAL_FLAGS) program.addOption(toOption(f));

  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    const current = findCommand(root, args);
    const msg = commanderToPflag(e, args);
    if (msg.startsWith('unknown command')) {
      errOut(`Error: ${msg}\nRun '${current.path.join(' ')} --help' for usage.\n`);
      errOut(`Error: ${msg}\n`);
      throw new CtlExit(Exit.Error);
    }
    errOut(`Error: ${msg}\n`);
    out(usage(current.spec, current.path, [...GLOBAL_FLAGS, ...inherited(current)], HELP_FLAG));
    errOut(`\nError: ${msg}\n`);
    throw new CtlExit(Exit.Error);
  }
  if (!selected) return;
  const sel = selected as { node: Node; opts: Record<string, unknown>; args: string[]; cmd: Command };
  const changed = new Set<string>();
  for (let c: Command | null = sel.cmd; c; c = c.parent) {
    for (const o of c.options) {
      const key = o.attributeName();
      if (c.getOptionValueSource(key) === 'cli') changed.add(specName(o.long!.replace(/^--(no-)?/, '')));
    }
  }
  const values: Record<string, unknown> = {};
  const all = sel.cmd.optsWithGlobals();
  const specs = [
    ...(sel.node.spec.flags ?? []),
    ...(sel.node.spec.persistentFlags ?? []),
    ...inherited(sel.node),
    ...GLOBAL_FLAGS,
    HELP_FLAG(sel.node.spec.name),
  ];
  for (const f of specs) {
    const v = all[camel(cmdrName(f.name))];
    if (v !== undefined) values[f.name] = v;
  }
  const flags = makeFlags(specs, values, changed);
  if (values['help'] === true) {
    out(usage(sel.node.spec, sel.node.path, [...GLOBAL_FLAGS, ...inherited(sel.node)], HELP_FLAG));
    return;
  }
  let globals: Globals;
  try {
    globals = resolveGlobals(flags, values, changed);
  } catch (e) {
    if (e instanceof FlagError) {
      errOut(`Error: ${e.message}\n`);
      out(usage(sel.node.spec, sel.node.path, [...GLOBAL_FLAGS, ...inherited(sel.node)], HELP_FLAG));
      errOut(`\nError: ${e.message}\n`);
      throw new CtlExit(Exit.Error);
    }
    throw e;
  }
  if (!FORMATS.includes(globals.writeOut as Format))
    exitWithError(Exit.BadFeature, 'unsupported output format');
  // a command without a run of its own (the root, a group) only prints usage or an error
  const offline = sel.node.spec.offline === true || sel.node.spec.run === undefined;
  if (!offline) await loadClient();
  // the json and protobuf printers go through the protobuf codecs (the client loads them anyway)
  const codecs =
    !offline || globals.writeOut === 'json' || globals.writeOut === 'protobuf' ? await protobufCodecs() : {};
  const printer = new Printer(globals.writeOut as Format, globals.hex, codecs);
  let client: Client | undefined;
  const ctx: Ctx = {
    flags,
    printer,
    globals,
    dashArgs: dashCount < 0 ? undefined : sel.args.slice(sel.args.length - dashCount),
    client: () => {
      if (!client) {
        client = clientFromGlobals(globals);
        onClient(client);
      }
      return client;
    },
  };
  const run = sel.node.spec.run;
  if (!run && sel.node.parent === undefined && sel.args.length > 0) {
    const msg = `unknown command "${sel.args[0]}" for "etcdctl"`;
    errOut(`Error: ${msg}\nRun 'etcdctl --help' for usage.\nError: ${msg}\n`);
    throw new CtlExit(Exit.Error);
  }
  if (!run) {
    out(usage(sel.node.spec, sel.node.path, [...GLOBAL_FLAGS, ...inherited(sel.node)], HELP_FLAG));
    return;
  }
  try {
    await run(ctx, dashCount < 0 ? sel.args : sel.args.slice(0, sel.args.length - dashCount));
  } catch (e) {
    if (e instanceof FlagError) {
      errOut(`Error: ${e.message}\n`);
      out(usage(sel.node.spec, sel.node.path, [...GLOBAL_FLAGS, ...inherited(sel.node)], HELP_FLAG));
      errOut(`\nError: ${e.message}\n`);
      throw new CtlExit(Exit.Error);
    }
    throw e;
  }
}

/** Persistent flags of the command's ancestors (cobra shows them among the global options). */
function inherited(node: Node): FlagSpec[] {
  const out: FlagSpec[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(...(p.spec.persistentFlags ?? []));
  return out;
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

// commander reads any `--no-x` option as the negation of `x`; flags that etcdctl names `no-…`
// (--no-password, --no-dest-prefix) go to commander under an escaped name.
const ESCAPE = 'x-';
const cmdrName = (name: string): string => (name.startsWith('no-') ? ESCAPE + name : name);
const specName = (name: string): string =>
  name.startsWith(ESCAPE + 'no-') ? name.slice(ESCAPE.length) : name;

/** Rewrites `--no-x` and `--no-no-x` for a bool flag named `no-x` to the escaped names. */
function escapeNoFlags(argv: string[], boolFlags: Map<string, FlagSpec>): string[] {
  return argv.map((a) => {
    const m = /^--(no-)?(no-[^=]+)(=.*)?$/.exec(a);
    if (!m || !boolFlags.has(m[2]!)) return a;
    return `--${m[1] ?? ''}${ESCAPE}${m[2]}${m[3] ?? ''}`;
  });
}

function toOption(f: FlagSpec): Option {
  const name = cmdrName(f.name);
  const flag = f.short ? `-${f.short}, --${name}` : `--${name}`;
  if (f.type === 'bool') {
    return new Option(flag, f.desc);
  }
  return new Option(`${flag} <value>`, f.desc);
}

function build(
  spec: CommandSpec,
  parent: Node | undefined,
  path: string[],
  select: (node: Node, opts: Record<string, unknown>, args: string[], cmd: Command) => void,
): Command {
  const node: Node = { spec, path, parent };
  const cmd = new Command(spec.name);
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  cmd.helpOption(false);
  cmd.helpCommand(false);
  cmd.allowExcessArguments(true);
  const own = [...(spec.flags ?? []), ...(spec.persistentFlags ?? [])];
  const bools = own.filter((f) => f.type === 'bool');
  for (const f of own) cmd.addOption(toOption(f));
  for (const f of bools) cmd.addOption(new Option(`--no-${cmdrName(f.name)}`).hideHelp());
  cmd.addOption(new Option('-h, --help'));
  for (const s of spec.sub ?? []) cmd.addCommand(build(s, node, [...path, s.name], select));
  if (!spec.sub || spec.sub.length === 0 || spec.run) {
    cmd.argument('[args...]');
    cmd.action((args: string[], opts: Record<string, unknown>, c: Command) => select(node, opts, args, c));
  } else {
    cmd.action((opts: Record<string, unknown>, c: Command) => select(node, opts, c.args, c));
  }
  return cmd;
}

function findCommand(root: CommandSpec, args: string[]): Node {
  let node: Node = { spec: root, path: [root.name], parent: undefined };
  const valued = new Set(
    GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [
      `--${f.name}`,
      ...(f.short ? [`-${f.short}`] : []),
    ]),
  );
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (valued.has(a)) i++;
      continue;
    }
    const next = node.spec.sub?.find((s) => s.name === a);
    if (!next) break;
    node = { spec: next, path: [...node.path, next.name], parent: node };
  }
  return node;
}

function commanderToPflag(e: CommanderError, args: string[]): string {
  const m = /'([^']+)'/.exec(e.message);
  const what = m?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption': {
      if (what.startsWith('--')) return `unknown flag: ${what}`;
      const ch = what.slice(1, 2);
      const full = args.find((a) => a.startsWith(what)) ?? what;
      return `unknown shorthand flag: '${ch}' in ${full}`;
    }
    case 'commander.optionMissingArgument': {
      const long = /--([a-z-]+)/.exec(what)?.[1] ?? what;
      return `flag needs an argument: --${long}`;
    }
    case 'commander.unknownCommand':
      return `unknown command "${what}" for "etcdctl"`;
    default:
      return e.message.replace(/^error: /, '');
  }
}
