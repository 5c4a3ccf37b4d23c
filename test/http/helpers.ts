// Shared pieces of the front's tests: the toy behind a front on a free port, running real etcdctl, and a real
// etcd 3.4 on free loopback ports for side-by-side comparisons.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthHandler, metricsHandler, versionHandler, type HttpRoute } from '../../src/http/endpoints.ts';
import { startFront, type Front, type FrontOptions } from '../../src/http/server.ts';
import { ToyKv } from './toy-kv.ts';

export const ETCDCTL = '/usr/bin/etcdctl';
export const ETCD = '/usr/bin/etcd';
export const haveEtcdctl = existsSync(ETCDCTL);
export const haveEtcd = existsSync(ETCD);

export interface ToyFront {
  readonly toy: ToyKv;
  readonly front: Front;
  /** `127.0.0.1:port` */
  readonly endpoint: string;
  /** `http://127.0.0.1:port` (or https) */
  readonly url: string;
}

export async function startToy(extra: Partial<FrontOptions> = {}): Promise<ToyFront> {
  const toy = new ToyKv();
  const routes = new Map<string, HttpRoute>([
    ['/health', healthHandler(async () => ({ health: true }))],
    ['/version', versionHandler({ etcdserver: '3.4.23', etcdcluster: '3.4.0' })],
  ]);
  const front = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers: toy.handlers(),
    httpRoutes: routes,
    graceMs: 500,
    ...extra,
  });
  const address = front.addresses[0]!;
  toy.clientURLs = [address.origin];
  return { toy, front, endpoint: address.host, url: address.origin };
}

export { healthHandler, metricsHandler, versionHandler };

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs etcdctl (API v3) and collects its output; never throws for a non-zero exit. */
export function etcdctl(
  args: readonly string[],
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      ETCDCTL,
      [...args],
      { env: { ...process.env, ETCDCTL_API: '3' }, timeout: opts.timeoutMs ?? 10_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/** Starts a long-running etcdctl (watch), collecting stdout; stop() kills it and returns what it printed. */
export function etcdctlBackground(args: readonly string[]): {
  output: () => string;
  stop: () => Promise<string>;
} {
  const child = spawn(ETCDCTL, [...args], { env: { ...process.env, ETCDCTL_API: '3' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      return out;
    },
  };
}

/** Polls until `cond()` holds (or throws after `ms`). */
export async function until(cond: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

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

export interface RealEtcd {
  readonly endpoint: string;
  readonly url: string;
  stop(): Promise<void>;
}

/** A single-member etcd 3.4 on free loopback ports with a temp data dir; stop() kills it and removes the dir. */
export async function startRealEtcd(extraArgs: readonly string[] = []): Promise<RealEtcd> {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-http-etcd-'));
  const [cport, pport] = [await freePort(), await freePort()];
  const curl = `http://127.0.0.1:${cport}`;
  const purl = `http://127.0.0.1:${pport}`;
  const child: ChildProcess = spawn(
    ETCD,
    [
      '--name',
      'cmp',
      '--data-dir',
      join(dir, 'data'),
      '--listen-client-urls',
      curl,
      '--advertise-client-urls',
      curl,
      '--listen-peer-urls',
      purl,
      '--initial-advertise-peer-urls',
      purl,
      '--initial-cluster',
      `cmp=${purl}`,
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const r = await fetch(`${curl}/health`);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error('etcd exited during start');
      if (Date.now() > deadline) throw new Error('etcd did not become healthy');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { endpoint: `127.0.0.1:${cport}`, url: curl, stop };
}

/** POST a JSON body (string) and read status, headers and body text. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const r = await fetch(url, { method: 'POST', body, headers });
  return { status: r.status, headers: r.headers, text: await r.text() };
}
