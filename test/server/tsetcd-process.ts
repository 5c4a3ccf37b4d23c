// Runs tsetcd as a real child process (`node <bin/node-flags.mjs's flags> bin/tsetcd.mjs <etcd flags>`) for
// the server proof tests, the twin of test/compat/proto-etcd-process.ts for real etcd. `twinFlags` derives
// tsetcd's flags from a real etcd's: the same name, cluster token and advertised peer URL (member and cluster
// IDs are hashes of those, so they come out equal), with its own listen ports and data dir.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TSETCD_BIN = join(REPO_ROOT, 'bin/tsetcd.mjs');
export const ETCDCTL = '/usr/bin/etcdctl';

export type Flags = Readonly<Record<string, string>>;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Creates a temp dir; the caller removes it (or hands it to startTsetcd with `ownDir`). */
export function tempDir(prefix = 'tsetcd-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Flags of a fresh single-member cluster on free loopback ports, data in `dir`/data. */
export async function singleMemberFlags(dir: string, name = 'solo', scheme = 'http'): Promise<Flags> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `${scheme}://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  return {
    name,
    'data-dir': join(dir, 'data'),
    'listen-client-urls': clientUrl,
    'advertise-client-urls': clientUrl,
    'listen-peer-urls': peerUrl,
    'initial-advertise-peer-urls': peerUrl,
    'initial-cluster': `${name}=${peerUrl}`,
    'initial-cluster-token': `tok-${clientPort}`,
  };
}

/**
 * tsetcd flags that yield the same member and cluster IDs as a real etcd started with `etcdFlags`: identical
 * except for the client URLs, the peer listener (the advertised peer URL is only published, never dialled in
 * a single-member cluster) and the data dir.
 */
export async function twinFlags(etcdFlags: Flags, dir: string): Promise<Flags> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  return {
    ...etcdFlags,
    'data-dir': join(dir, 'data'),
    'listen-client-urls': clientUrl,
    'advertise-client-urls': clientUrl,
    'listen-peer-urls': `http://127.0.0.1:${peerPort}`,
  };
}

/** `--name=value` for each flag: the one form Go's flag package (and so etcd) takes for booleans too. */
export const flagArgs = (flags: Flags): string[] => Object.entries(flags).map(([k, v]) => `--${k}=${v}`);

export interface TsetcdProcess {
  readonly child: ChildProcess;
  readonly flags: Flags;
  /** `127.0.0.1:<port>` of the first client URL. */
  readonly clientAddr: string;
  readonly clientUrl: string;
  /** Everything it printed so far (stdout + stderr), trimmed to the last 64 KiB. */
  log(): string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
  /** Sends a signal without waiting. */
  signal(sig: NodeJS.Signals): void;
  /** SIGKILL and wait; the data dir stays. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 5 s) and wait; the data dir stays. */
  stop(): Promise<number | string>;
}

export interface StartOptions {
  /** Default: wait for `/health` to answer `{"health":"true"}` over plain HTTP. */
  probe?: (p: TsetcdProcess) => Promise<boolean>;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

async function httpHealthy(p: TsetcdProcess): Promise<boolean> {
  const r = await fetch(`${p.clientUrl}/health`, { signal: AbortSignal.timeout(2000) });
  const body = (await r.json()) as { health?: string };
  return r.ok && body.health === 'true';
}

/** Spawns tsetcd without waiting for anything (for flag errors and exit codes). */
export function spawnTsetcd(args: readonly string[], env?: NodeJS.ProcessEnv): TsetcdProcess {
  const child = spawn(process.execPath, [...NODE_FLAGS, TSETCD_BIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-65536);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', onExit);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, sig) => {
      process.off('exit', onExit);
      resolve(code ?? sig ?? -1);
    }),
  );
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(args[i]!);
    if (!m) continue;
    if (m[2] !== undefined) flags[m[1]!] = m[2];
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('-')) flags[m[1]!] = args[++i]!;
  }
  const clientUrl = (flags['listen-client-urls'] ?? 'http://127.0.0.1:2379').split(',')[0]!;
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const p: TsetcdProcess = {
    child,
    flags,
    clientAddr: URL.canParse(clientUrl) ? new URL(clientUrl).host : clientUrl,
    clientUrl,
    log: () => output,
    exited,
    signal: (sig) => {
      if (alive()) child.kill(sig);
    },
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (alive()) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
  return p;
}

/** Starts tsetcd with `flags` and waits until it is healthy; kills it if it never gets there. */
export async function startTsetcd(flags: Flags, opts: StartOptions = {}): Promise<TsetcdProcess> {
  const p = spawnTsetcd(flagArgs(flags), opts.env);
  const probe = opts.probe ?? httpHealthy;
  const timeoutMs = opts.readyTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      throw new Error(`tsetcd exited during start (${await p.exited}):\n${p.log()}`);
    }
    try {
      if (await probe(p)) return p;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await p.kill();
      throw new Error(`tsetcd not healthy after ${timeoutMs} ms:\n${p.log()}`);
    }
    await sleep(100);
  }
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs etcdctl (API v3); never throws for a non-zero exit. */
export function etcdctl(
  args: readonly string[],
  opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      ETCDCTL,
      [...args],
      {
        env: { ...process.env, ETCDCTL_API: '3', ...opts.env },
        timeout: opts.timeoutMs ?? 15_000,
        maxBuffer: 16 << 20,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    // etcdctl may exit before reading stdin; that EPIPE is not our concern.
    child.stdin?.on('error', () => {});
    child.stdin?.end(opts.input ?? '');
  });
}

/** A long-running etcdctl (watch, keep-alive) collecting stdout and stderr separately. */
export interface BackgroundRun {
  stdout(): string;
  stderr(): string;
  /** SIGINT (like Ctrl-C), SIGKILL after 3 s; resolves with what it printed and its exit code. */
  stop(): Promise<Run>;
}

export function etcdctlBackground(args: readonly string[]): BackgroundRun {
  const child = spawn(ETCDCTL, [...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', onExit);
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', onExit);
      resolve(code ?? -1);
    }),
  );
  return {
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      const code = await exited;
      clearTimeout(t);
      return { code, stdout: out, stderr: err };
    },
  };
}

/** Polls `cond` every 25 ms; throws after `ms`. */
export async function until(
  cond: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });
