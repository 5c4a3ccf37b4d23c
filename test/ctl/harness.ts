// Differential-test harness for tsetcdctl: the same command line runs with tool A against server A and with
// tool B against server B, where A and B are twins that received the same command sequence (so revisions,
// versions and counts agree). Server-specific parts (cluster/member/lease IDs, ports, timings, etcdctl's
// zap/capnslog log lines) are normalized before stdout, stderr and exit codes are compared.
// Tools and servers are parameters: etcdctl or tsetcdctl, real etcd or tsetcd.
//
// Speed: every tsetcdctl run is a fresh `node` process, as a user would start it. Its start is made cheap by
// bundling the command (and its npm dependencies) into one CommonJS file with esbuild and loading that through
// a V8 code cache, and the suites run independent command lines concurrently, a few processes at a time.
import { build } from 'esbuild';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, toBig } from '../../src/client/index.ts';
import { ETCDCTL_BIN, haveEtcd, startEtcd } from '../compat/proto-etcd-process.ts';
import { removeDir, singleMemberFlags, startTsetcd, tempDir } from '../server/tsetcd-process.ts';

export interface ServerUnderTest {
  /** `host:port` client endpoints. */
  readonly endpoints: string[];
  stop(): Promise<void>;
}
export type StartServer = (name: string) => Promise<ServerUnderTest>;

export const startRealEtcd: StartServer = async (name) => {
  const e = await startEtcd(name);
  return { endpoints: [e.clientAddr], stop: () => e.stop() };
};

export const startTsetcdServer: StartServer = async (name) => {
  const dir = tempDir('tsetcdctl-diff-');
  try {
    const p = await startTsetcd(await singleMemberFlags(dir, name));
    return {
      endpoints: [p.clientAddr],
      stop: async () => {
        await p.stop();
        removeDir(dir);
      },
    };
  } catch (e) {
    removeDir(dir);
    throw e;
  }
};

export { haveEtcd };

export interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Long-running commands (watch): stop with SIGTERM once stdout satisfies this (or at the timeout). */
  until?: (stdout: Buffer) => boolean;
}

export type Tool = (args: string[], opts?: RunOptions) => Promise<Run>;

/** At most this many tool processes at once: the machine has few cores and servers need CPU too. */
const MAX_PROCS = Number(process.env['CTL_TEST_PROCS'] ?? 4);
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(f: () => Promise<T>): Promise<T> {
  if (running >= MAX_PROCS) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const LAUNCHER = `// Loads the CommonJS bundle through a V8 code cache (written by the first run, atomically).
const vm = require('node:vm'), fs = require('node:fs'), Module = require('node:module'), path = require('node:path');
const file = path.join(__dirname, 'tsetcdctl.cjs'), cacheFile = file + '.cache';
const src = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
let cachedData; try { cachedData = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(src), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try { const tmp = cacheFile + '.' + process.pid; fs.writeFileSync(tmp, script.createCachedData()); fs.renameSync(tmp, cacheFile); } catch {}
  });
}
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext()(m.exports, Module.createRequire(file), m, file, __dirname);
`;

let bundled: Promise<string> | undefined;
/** tsetcdctl bundled once per test process; resolves to the launcher script to run with node. */
export function tsetcdctlBundle(): Promise<string> {
  bundled ??= (async () => {
    // inside the repo so that the bundle's external imports (lmdb) resolve to node_modules
    const dir = join(process.cwd(), 'node_modules', '.cache');
    mkdirSync(dir, { recursive: true });
    const outDir = mkdtempSync(join(dir, 'tsetcdctl-'));
    process.once('exit', () => removeDir(outDir));
    await build({
      entryPoints: ['src/cmd/tsetcdctl.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: join(outDir, 'tsetcdctl.cjs'),
      // native addons stay outside the bundle
      external: ['lmdb', 'msgpackr-extract', '@node-rs/*'],
      absWorkingDir: process.cwd(),
      logLevel: 'silent',
    });
    const launcher = join(outDir, 'launch.cjs');
    writeFileSync(launcher, LAUNCHER);
    // one warm-up run (a failed connection attempt) so that the cache holds the client's code too
    await run(
      process.execPath,
      [launcher, '--endpoints', '127.0.0.1:1', '--command-timeout', '300ms', 'get', 'k'],
      {},
    );
    return launcher;
  })();
  return bundled;
}

function run(bin: string, args: string[], opts: RunOptions): Promise<Run> {
  return slot(
    () =>
      new Promise((resolve) => {
        const env = {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '/tmp',
          ETCDCTL_API: '3',
          ...opts.env,
        };
        if (opts.until) {
          const child = spawn(bin, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
          const outBufs: Buffer[] = [];
          let err = '';
          let done = false;
          const stop = (): void => {
            if (!done) child.kill('SIGTERM');
            done = true;
          };
          const t = setTimeout(stop, opts.timeoutMs ?? 20_000);
          child.stdout.on('data', (d: Buffer) => {
            outBufs.push(d);
            // a short grace after the condition holds, so that output written right after still counts
            if (!done && opts.until!(Buffer.concat(outBufs))) setTimeout(stop, 300);
          });
          child.stderr.on('data', (d: Buffer) => (err += d.toString('latin1')));
          child.on('close', (code) => {
            clearTimeout(t);
            resolve({ code: code ?? -1, stdout: Buffer.concat(outBufs), stderr: err });
          });
          child.stdin.end(opts.input ?? '');
          return;
        }
        const child = execFile(
          bin,
          args,
          {
            env,
            timeout: opts.timeoutMs ?? 20_000,
            maxBuffer: 64 << 20,
            encoding: 'buffer',
            cwd: process.cwd(),
          },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
            resolve({ code, stdout, stderr: stderr.toString('latin1') });
          },
        );
        child.stdin!.on('error', () => {});
        child.stdin!.end(opts.input ?? '');
      }),
  );
}

export const etcdctl: Tool = (args, opts = {}) => run(ETCDCTL_BIN, args, opts);

export const tsetcdctl: Tool = async (args, opts = {}) =>
  run(process.execPath, [await tsetcdctlBundle(), ...args], opts);

/** What identifies one server in outputs, each mapped to a placeholder. */
export interface Identity {
  replacements: Array<[string, string]>;
}

export async function identify(s: ServerUnderTest): Promise<Identity> {
  const c = new Client({ endpoints: s.endpoints });
  try {
    const st = await c.status();
    const ml = await c.memberList();
    const cluster = toBig(st.header!.cluster_id as any, true);
    const member = toBig(st.header!.member_id as any, true);
    const reps: Array<[string, string]> = [
      [cluster.toString(), 'CLUSTER_ID'],
      [cluster.toString(16), 'CLUSTER_HEX'],
      [member.toString(), 'MEMBER_ID'],
      [member.toString(16), 'MEMBER_HEX'],
    ];
    for (const m of ml.members) {
      for (const u of [...(m.peerURLs ?? []), ...(m.clientURLs ?? [])]) {
        const port = new URL(u).port;
        reps.push([port, u === m.peerURLs?.[0] ? 'PEER_PORT' : 'CLIENT_PORT']);
      }
    }
    return { replacements: reps };
  } finally {
    c.close();
  }
}

/** Lease IDs appear in hex (%016x) and decimal; map those a run printed to LEASE<n> in order of appearance. */
export class LeaseNames {
  private readonly names = new Map<string, string>();
  private count = 0;
  learn(hex16: string): void {
    if (this.names.has(hex16)) return;
    const n = `LEASE${++this.count}`;
    this.names.set(hex16, n);
    this.names.set(BigInt('0x' + hex16).toString(), n + 'D');
    const short = BigInt('0x' + hex16).toString(16);
    if (short !== hex16) this.names.set(short, n + 'H');
  }
  /** The lease ID (16 hex digits) named `name`. */
  id(name: string): string {
    const e = [...this.names.entries()].find(([k, n]) => n === name && /^[0-9a-f]{16}$/.test(k));
    if (!e) throw new Error(`no lease ${name}`);
    return e[0];
  }
  entries(): Array<[string, string]> {
    return [...this.names.entries()].sort((a, b) => b[0].length - a[0].length);
  }
}

/** A Go duration as printed (µ read as UTF-8 or as latin1 bytes). */
const DUR = '(?:[0-9.]+(?:ms|ns|µs|Âµs|h|m|s))+';

export function normalize(text: string, id: Identity, leases: LeaseNames): string {
  let t = text
    // etcdctl's client logs (zap JSON lines, capnslog lines) carry timestamps and UUIDs
    .split('\n')
    .filter((l) => !l.startsWith('{"level":') && !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [A-Z] \| /.test(l))
    .join('\n')
    .replace(new RegExp(`took = ${DUR}`, 'g'), 'took = DURATION')
    .replace(new RegExp(`"took":"${DUR}"`, 'g'), '"took":"DURATION"')
    .replace(new RegExp(`\\| +${DUR} \\|`, 'g'), '| DURATION |')
    .replace(new RegExp(`"Took" : ${DUR}`, 'g'), '"Took" : DURATION');
  for (const [from, to] of [...leases.entries(), ...id.replacements]) t = t.split(from).join(to);
  return t;
}

/** A long-running tsetcdctl (lock, elect, watch) driven by a test: read its output, signal it, await exit. */
export interface Background {
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches `re` (rejects after `ms`). */
  waitFor(re: RegExp, ms?: number): Promise<void>;
  signal(sig: NodeJS.Signals): void;
  readonly exited: Promise<number>;
}

export async function tsetcdctlBackground(
  args: string[],
  env: Record<string, string> = {},
): Promise<Background> {
  const launcher = await tsetcdctlBundle();
  const child = spawn(process.execPath, [launcher, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ETCDCTL_API: '3', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('latin1');
    for (const l of listeners) l();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString('latin1')));
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', kill);
  const exited = new Promise<number>((resolve) =>
    child.once('close', (code, sig) => {
      process.off('exit', kill);
      for (const l of listeners) l();
      resolve(code ?? (sig ? 128 : -1));
    }),
  );
  return {
    stdout: () => out,
    stderr: () => err,
    waitFor: (re, ms = 15_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (re.test(out)) {
            listeners.delete(check);
            clearTimeout(t);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            clearTimeout(t);
            reject(
              new Error(
                `exited before printing ${re}: stdout ${JSON.stringify(out)} stderr ${JSON.stringify(err)}`,
              ),
            );
          }
        };
        const t = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `timed out waiting for ${re}: stdout ${JSON.stringify(out)} stderr ${JSON.stringify(err)}`,
            ),
          );
        }, ms);
        listeners.add(check);
        check();
      }),
    signal: (sig) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    },
    exited,
  };
}
