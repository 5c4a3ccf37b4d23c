// Differential-test harness for tsetcdctl: the same command line runs with real etcdctl against server A and
// with tsetcdctl against server B, where A and B are twins that received the same command sequence (so
// revisions, versions and counts agree). Server-specific parts (cluster/member/lease IDs, ports, timings,
// etcdctl's zap/capnslog log lines) are normalized before stdout, stderr and exit codes are compared.
// The server under test is a parameter: swap `startRealEtcd` for a function that starts tsetcd.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Client, toBig } from '../../src/client/index.ts';
import { ETCDCTL_BIN, haveEtcd, startEtcd } from '../compat/proto-etcd-process.ts';

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

export { haveEtcd };

export interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

let bundled: Promise<string> | undefined;
/** tsetcdctl bundled once with esbuild: a spawn then costs a plain node start instead of a tsx transpile. */
export function tsetcdctlBundle(): Promise<string> {
  bundled ??= (async () => {
    // inside the repo so that the bundle's bare imports resolve to node_modules
    const dir = join(process.cwd(), 'node_modules', '.cache');
    mkdirSync(dir, { recursive: true });
    const out = join(mkdtempSync(join(dir, 'tsetcdctl-')), 'tsetcdctl.mjs');
    await build({
      entryPoints: ['src/cmd/tsetcdctl.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      packages: 'external',
      absWorkingDir: process.cwd(),
      logLevel: 'silent',
    });
    return out;
  })();
  return bundled;
}

function run(
  bin: string,
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      args,
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '/tmp',
          ETCDCTL_API: '3',
          ...opts.env,
        },
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
    child.stdin!.end(opts.input ?? '');
  });
}

export function etcdctl(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Run> {
  return run(ETCDCTL_BIN, args, opts);
}

export async function tsetcdctl(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Run> {
  return run(process.execPath, [await tsetcdctlBundle(), ...args], opts);
}

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
  learn(hex16: string): void {
    if (this.names.has(hex16)) return;
    const n = `LEASE${this.names.size + 1}`;
    this.names.set(hex16, n);
    this.names.set(BigInt('0x' + hex16).toString(), n + 'D');
    const short = BigInt('0x' + hex16).toString(16);
    if (short !== hex16) this.names.set(short, n + 'H');
  }
  entries(): Array<[string, string]> {
    return [...this.names.entries()].sort((a, b) => b[0].length - a[0].length);
  }
}

export function normalize(text: string, id: Identity, leases: LeaseNames): string {
  let t = text
    // etcdctl's client logs (zap JSON lines, capnslog lines) carry timestamps and UUIDs
    .split('\n')
    .filter((l) => !l.startsWith('{"level":') && !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [A-Z] \| /.test(l))
    .join('\n')
    .replace(/took = [0-9.]+[µnm]?s/g, 'took = DURATION')
    .replace(/"took":"[0-9.]+[µnm]?s"/g, '"took":"DURATION"')
    .replace(/\| +[0-9.]+[µnm]?s \|/g, '| DURATION |')
    .replace(/"Took" : [0-9.]+[µnm]?s/g, '"Took" : DURATION');
  for (const [from, to] of [...leases.entries(), ...id.replacements]) t = t.split(from).join(to);
  return t;
}
