// The v3 discovery protocol (etcd 3.5+'s --discovery-endpoints / --discovery-token), spoken through
// our own v3 client (src/client) to any etcd-compatible cluster: real etcd or tsetcd.
//
// Key layout under the token:
//   /_etcd/registry/<token>/_config/size          the cluster size, put there by the operator
//   /_etcd/registry/<token>/members/<member-id>   "name=peerURL[,name=peerURL2]", one per member
// A member reads the size and the registrations (full when `size` others registered before it, by
// create revision), puts its own key, re-reads, and if short watches the members prefix from the
// read's revision + 1 until `size` registrations exist; the first `size` by create revision form the
// cluster. Unlike v2 there is no duplicate-ID check (a put simply overwrites) and no name check.
//
// Failed requests (unreachable endpoints, timeouts) are retried with etcd's backoff (2 s doubling to
// 256 s, reset after each success); a missing or bad size ends discovery at once.
import { readFileSync } from 'node:fs';
import type { Logger } from './etcd-server.ts';
import { Client, prefixEnd, type ClientOptions } from '../client/index.ts';
import type { DiscoveryV3Config } from './config.ts';
import { DISCOVERY_ERR, DiscoveryProtocolError, parseUrlsMap, retryDelayMs } from './discovery.ts';

export const REGISTRY_PREFIX = '/_etcd/registry';

export const sizeKey = (token: string): string => joinPath(REGISTRY_PREFIX, token, '_config/size');
export const membersPrefix = (token: string): string => joinPath(REGISTRY_PREFIX, token, 'members');
export const memberKey = (token: string, id: string): string => joinPath(membersPrefix(token), id);

/** Go's path.Join for our purposes: one slash between parts, none doubled, none trailing. */
function joinPath(...parts: string[]): string {
  return '/' + parts.join('/').split('/').filter(Boolean).join('/');
}

export interface V3Options {
  cfg: DiscoveryV3Config;
  /** Hex member ID of this member. */
  selfId: string;
  log: Logger;
  /** Overrides the client (tests). */
  client?: Pick<Client, 'get' | 'put' | 'watch' | 'close'>;
  sleep?: (ms: number) => Promise<void>;
  maxRetries?: number;
}

interface Registration {
  key: string;
  value: string;
  createRev: number;
}

/** The registrations seen so far, kept sorted by create revision. */
export class Registry {
  readonly members: Registration[] = [];
  constructor(private readonly prefix: string) {}

  /** Adds one registration; returns why it was rejected, or undefined. */
  add(key: string, value: string, createRev: number): string | undefined {
    const k = key.trim();
    const v = value.trim();
    if (!k.startsWith(this.prefix)) return 'invalid peer registry key';
    if (!v.includes('=')) return 'invalid peer info returned from discovery service';
    if (this.members.some((m) => m.key === k)) return 'found duplicate peer from discovery service';
    this.members.push({ key: k, value: v, createRev });
    this.members.sort((a, b) => a.createRev - b.createRev);
    return undefined;
  }

  /** --initial-cluster text of the first `size` registrations. */
  initialCluster(size: number): string {
    const text = this.members
      .slice(0, size)
      .map((m) => m.value)
      .join(',');
    try {
      parseUrlsMap(text);
    } catch {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.invalidPeerUrl);
    }
    return text;
  }
}

export function clientOptions(cfg: DiscoveryV3Config): ClientOptions {
  const read = (f: string): Buffer => readFileSync(f);
  const useTls =
    cfg.cert !== '' ||
    cfg.key !== '' ||
    cfg.cacert !== '' ||
    !cfg.insecureTransport ||
    cfg.insecureSkipVerify;
  let user = cfg.user;
  let password = cfg.password;
  if (user !== '' && password === '' && user.includes(':')) {
    password = user.slice(user.indexOf(':') + 1);
    user = user.slice(0, user.indexOf(':'));
  }
  return {
    endpoints: cfg.endpoints,
    dialTimeoutMs: cfg.dialTimeoutMs,
    commandTimeoutMs: cfg.requestTimeoutMs,
    keepAliveTimeMs: cfg.keepAliveTimeMs,
    keepAliveTimeoutMs: cfg.keepAliveTimeoutMs,
    ...(user !== '' ? { auth: { user, password } } : {}),
    ...(useTls
      ? {
          tls: {
            ...(cfg.cacert ? { ca: read(cfg.cacert) } : {}),
            ...(cfg.cert ? { cert: read(cfg.cert) } : {}),
            ...(cfg.key ? { key: read(cfg.key) } : {}),
            insecureSkipVerify: cfg.insecureSkipVerify,
          },
        }
      : {}),
  };
}

/** Registers this member and waits for the cluster to fill; resolves with the --initial-cluster text. */
export async function joinClusterV3(opts: V3Options, config: string): Promise<string> {
  const client = opts.client ?? new Client(clientOptions(opts.cfg));
  try {
    const d = new V3Discovery(opts, client);
    await d.checkCluster();
    await d.registerSelf(config);
    const { registry, size, rev } = await d.checkCluster();
    await d.waitPeers(registry, size, rev);
    return registry.initialCluster(size);
  } finally {
    client.close();
  }
}

class V3Discovery {
  private retries = 0;
  private readonly token: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly o: V3Options,
    private readonly c: Pick<Client, 'get' | 'put' | 'watch'>,
  ) {
    this.token = o.cfg.token;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private async backoff(reason: string, err: unknown): Promise<void> {
    this.retries++;
    if (this.retries > (this.o.maxRetries ?? 2 ** 32 - 1)) {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.tooManyRetries);
    }
    const ms = retryDelayMs(this.retries);
    this.o.log.warn(
      { reason, err: (err as Error).message, backoff: `${ms / 1000}s`, 'discovery-token': this.token },
      'cannot reach the discovery service; retrying',
    );
    await this.sleep(ms);
  }

  async checkCluster(): Promise<{ registry: Registry; size: number; rev: number }> {
    for (;;) {
      let size: number;
      try {
        size = await this.clusterSize();
      } catch (e) {
        if (e instanceof DiscoveryProtocolError) throw e;
        await this.backoff('cluster status check', e);
        continue;
      }
      let registry: Registry;
      let rev: number;
      try {
        ({ registry, rev } = await this.members());
      } catch (e) {
        await this.backoff('cluster status check', e);
        continue;
      }
      this.retries = 0;
      const selfKey = memberKey(this.token, this.o.selfId);
      const self = registry.members.findIndex((m) => m.key === selfKey);
      const ahead = self < 0 ? registry.members.length : self;
      if (ahead >= size) throw new DiscoveryProtocolError(DISCOVERY_ERR.fullCluster);
      return { registry, size, rev };
    }
  }

  private async clusterSize(): Promise<number> {
    const r = await this.c.get(sizeKey(this.token));
    const kv = r.kvs?.[0];
    if (kv === undefined) throw new DiscoveryProtocolError(DISCOVERY_ERR.sizeNotFound);
    const text = Buffer.from(kv.value ?? []).toString();
    // Go's strconv.ParseInt: optional sign, decimal digits; the size must be positive.
    if (!/^[+-]?\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.badSizeKey);
    }
    return Number(text);
  }

  private async members(): Promise<{ registry: Registry; rev: number }> {
    const prefix = membersPrefix(this.token);
    const r = await this.c.get(prefix, { prefix: true });
    const registry = new Registry(prefix);
    for (const kv of r.kvs ?? []) {
      this.note(
        registry,
        Buffer.from(kv.key ?? []).toString(),
        Buffer.from(kv.value ?? []).toString(),
        num(kv.create_revision),
      );
    }
    return { registry, rev: num(r.header?.revision) };
  }

  private note(registry: Registry, key: string, value: string, createRev: number): void {
    const why = registry.add(key, value, createRev);
    if (why) this.o.log.warn({ memberKey: key, memberInfo: value }, why);
    else this.o.log.info({ memberKey: key, memberInfo: value }, 'found peer from the discovery service');
  }

  async registerSelf(config: string): Promise<void> {
    const key = memberKey(this.token, this.o.selfId);
    for (;;) {
      try {
        await this.c.put(key, config);
        this.retries = 0;
        this.o.log.info({ memberKey: key, memberInfo: config }, 'registered with the discovery service');
        return;
      } catch (e) {
        await this.backoff('register member itself', e);
      }
    }
  }

  async waitPeers(registry: Registry, size: number, rev: number): Promise<void> {
    let from = rev + 1;
    while (registry.members.length < size) {
      this.o.log.info(
        { clusterSize: size, 'found-peers': registry.members.length },
        'waiting for peers to register with the discovery service',
      );
      const prefix = membersPrefix(this.token);
      const w = this.c.watch(prefix, { rangeEnd: prefixEnd(prefix), startRevision: from });
      try {
        for await (const resp of w) {
          for (const ev of resp.events ?? []) {
            const kv = ev.kv;
            if (!kv) continue;
            from = num(kv.mod_revision) + 1;
            this.note(
              registry,
              Buffer.from(kv.key ?? []).toString(),
              Buffer.from(kv.value ?? []).toString(),
              num(kv.create_revision),
            );
          }
          if (registry.members.length >= size) break;
          if (resp.canceled) throw new Error(`watch canceled (compacted at ${num(resp.compact_revision)})`);
        }
      } catch (e) {
        // The client's watch fails over by itself; an error here ended it for good: back off, go on.
        await this.backoff('waiting for other nodes', e);
      } finally {
        w.cancel();
      }
    }
    this.o.log.info(
      { clusterSize: size, 'found-peers': registry.members.length },
      'found all needed peers from the discovery service',
    );
  }
}

const num = (v: number | { toNumber(): number } | null | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === 'number' ? v : v.toNumber();
