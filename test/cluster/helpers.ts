// Helpers for cluster tests: free loopback ports and in-process members with etcd's flags.
import { buildConfig } from '../../src/server/config.ts';
import { parseArgs } from '../../src/server/flags.ts';
import { EtcdServer } from '../../src/server/etcd-server.ts';

export { freePorts } from './ports.ts';

export interface ClusterSpec {
  names: string[];
  peerPorts: number[];
  dirs: string[];
}

export function memberArgs(spec: ClusterSpec, i: number, extra: string[] = []): string[] {
  const cluster = spec.names.map((n, j) => `${n}=http://127.0.0.1:${spec.peerPorts[j]}`).join(',');
  const peer = `http://127.0.0.1:${spec.peerPorts[i]}`;
  return [
    '--name',
    spec.names[i]!,
    '--data-dir',
    spec.dirs[i]!,
    '--listen-peer-urls',
    peer,
    '--initial-advertise-peer-urls',
    peer,
    '--initial-cluster',
    cluster,
    '--initial-cluster-token',
    'test-cluster',
    '--heartbeat-interval',
    '20',
    '--election-timeout',
    '200',
    ...extra,
  ];
}

export function startInProcess(args: string[]): Promise<EtcdServer> {
  return EtcdServer.start(buildConfig(parseArgs(args, {})));
}

export async function until(cond: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
