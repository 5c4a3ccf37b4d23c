// DNS SRV bootstrap (--discovery-srv, --discovery-srv-name): the initial cluster comes from the SRV
// records _etcd-server-ssl[-<name>]._tcp.<domain> (https peers) and _etcd-server[-<name>]._tcp.<domain>
// (http peers). The record that points at this member's own advertised peer URL gets this member's
// name; the others get placeholder names, as etcd does — member IDs depend only on the peer URLs, so
// every member derives the same cluster.
//
// The system resolver is used, as etcd uses Go's. TSETCD_DNS_SERVER=host:port overrides it for these
// lookups only (tests run their own DNS server on a high port).
import { promises as dns } from 'node:dns';
import { FlagError } from './flags.ts';
import type { ServerConfig } from './config.ts';
import { urlString } from './membership.ts';

interface SrvRecord {
  name: string;
  port: number;
}

export interface SrvResolver {
  resolveSrv(name: string): Promise<SrvRecord[]>;
  /** Every address a host name resolves to. */
  addresses(host: string): Promise<string[]>;
}

export function systemResolver(env: NodeJS.ProcessEnv = process.env): SrvResolver {
  const r = new dns.Resolver();
  if (env.TSETCD_DNS_SERVER) r.setServers([env.TSETCD_DNS_SERVER]);
  return {
    resolveSrv: (name) => r.resolveSrv(name),
    addresses: async (host) => {
      try {
        return (await dns.lookup(host, { all: true })).map((a) => a.address);
      } catch {
        return [];
      }
    },
  };
}

export async function srvCluster(cfg: ServerConfig, resolver: SrvResolver): Promise<Map<string, URL[]>> {
  const suffix = cfg.discoverySrvName ? `-${cfg.discoverySrvName}` : '';
  const self = new Set<string>();
  for (const u of cfg.initialAdvertisePeerUrls) {
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    self.add(`${u.protocol}//${u.hostname}:${port}`);
    for (const a of await resolver.addresses(u.hostname)) self.add(`${u.protocol}//${a}:${port}`);
  }
  const cluster = new Map<string, URL[]>();
  let placeholder = 0;
  let found = 0;
  const errors: string[] = [];
  for (const [service, scheme] of [
    [`_etcd-server-ssl${suffix}._tcp.${cfg.discoverySrv}`, 'https:'],
    [`_etcd-server${suffix}._tcp.${cfg.discoverySrv}`, 'http:'],
  ] as const) {
    let records: SrvRecord[];
    try {
      records = await resolver.resolveSrv(service);
    } catch (e) {
      errors.push(`${service}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    for (const rec of records) {
      found++;
      const host = rec.name.replace(/\.$/, '');
      const candidates = [`${scheme}//${host}:${rec.port}`];
      for (const a of await resolver.addresses(host)) candidates.push(`${scheme}//${a}:${rec.port}`);
      const isSelf = candidates.some((c) => self.has(c));
      const name = isSelf ? cfg.name : String(placeholder++);
      const url = new URL(`${scheme}//${host}:${rec.port}`);
      const list = cluster.get(name) ?? [];
      list.push(url);
      cluster.set(name, list);
    }
  }
  if (found === 0) {
    throw new FlagError(
      `error setting up initial cluster: cannot find any SRV records (${errors.join('; ')})`,
    );
  }
  if (!cluster.has(cfg.name)) {
    const mine = cfg.initialAdvertisePeerUrls.map(urlString).join(',');
    throw new FlagError(
      `error setting up initial cluster: no SRV record matches this member's --initial-advertise-peer-urls (${mine})`,
    );
  }
  return cluster;
}
