// Starts a real single-member etcd 3.4 (/usr/bin/etcd) on free loopback ports in a temporary data dir, for
// compatibility tests. stop() kills it and removes the dir; a process 'exit' hook kills it too, so a failing
// or interrupted test run does not leave an etcd behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ETCD_BIN = '/usr/bin/etcd';
export const ETCDCTL_BIN = '/usr/bin/etcdctl';
export const haveEtcd = (): boolean => existsSync(ETCD_BIN) && existsSync(ETCDCTL_BIN);

export interface RealEtcd {
  /** `127.0.0.1:<port>` of the client listener (gRPC and HTTP gateway). */
  readonly clientAddr: string;
  readonly clientUrl: string;
  readonly peerUrl: string;
  readonly dataDir: string;
  /** The flags etcd was started with (without the leading `--`), so another server can be given the same. */
  readonly flags: Readonly<Record<string, string>>;
  /** Last lines etcd printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startEtcd(
  name = 'compat',
  readyTimeoutMs = 15_000,
  extraFlags: Readonly<Record<string, string>> = {},
): Promise<RealEtcd> {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-compat-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const flags: Record<string, string> = {
    name,
    'data-dir': join(dir, 'data'),
    'listen-client-urls': clientUrl,
    'advertise-client-urls': clientUrl,
    'listen-peer-urls': peerUrl,
    'initial-advertise-peer-urls': peerUrl,
    'initial-cluster': `${name}=${peerUrl}`,
    'initial-cluster-token': `tok-${clientPort}`,
    ...extraFlags,
  };
  const args = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
  const child: ChildProcess = spawn(ETCD_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-8192);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', onExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`etcd exited early (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${clientUrl}/health`);
      const body = (await res.json()) as { health?: string };
      if (res.ok && body.health === 'true') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`etcd not healthy after ${readyTimeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
  return {
    clientAddr: `127.0.0.1:${clientPort}`,
    clientUrl,
    peerUrl,
    dataDir: dir,
    flags,
    log: () => output,
    stop,
  };
}
