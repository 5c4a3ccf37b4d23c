// The v2 discovery protocol (etcd 3.4's --discovery <url>), spoken over the v2 keys HTTP API of the
// discovery service (a public discovery.etcd.io-style service, or any etcd with --enable-v2).
//
// The discovery URL names a directory: http://host:port/v2/keys/<dir>. An operator creates
// <dir>/_config/size beforehand. Each booting member then
//   1. reads the size and the registrations already there; if `size` members registered before it,
//      the cluster is full and it gives up before registering;
//   2. creates <dir>/<member-id-hex> = "name=peerURL[,name=peerURL2]" with prevExist=false (an existing
//      key means this ID already registered: a restarted member that lost its data dir);
//   3. re-reads the directory and, if fewer than `size` members are there, long-polls a recursive
//      watch from the directory's X-Etcd-Index + 1 until enough registrations arrived;
//   4. takes the first `size` registrations by createdIndex as its --initial-cluster.
// Every member sorts by the same createdIndex, so all of them derive the same cluster, and the member
// and cluster IDs come from the discovery URL used as the cluster token (as etcd does), so a tsetcd
// member computes the very IDs an etcd member would.
//
// Connection failures (refused, reset, HTTP 500/503) are retried forever with exponential backoff
// (2 s, 4 s, ... capped at 256 s), as etcd does; protocol errors end discovery at once.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Logger } from './etcd-server.ts';
import { DISCOVERY_ERR, DiscoveryProtocolError, parseUrlsMap, retryDelayMs } from './discovery.ts';

/** One node of a v2 keys response. */
export interface V2Node {
  key: string;
  value?: string;
  dir?: boolean;
  nodes?: V2Node[];
  createdIndex: number;
  modifiedIndex: number;
}

export interface V2Response {
  status: number;
  /** X-Etcd-Index. */
  index: number;
  body: string;
}

/** The HTTP exchange, injectable for unit tests. Rejects only on connection-level failures. */
export type V2Http = (
  method: 'GET' | 'PUT',
  url: URL,
  body?: string,
  opts?: { timeoutMs?: number },
) => Promise<V2Response>;

/** A failure to reach the service at all (etcd's client.ClusterError): retried with backoff. */
export class UnreachableError extends Error {}

/** What the v2 client reports for a JSON error body: "100: Key not found (/dir) [8]". */
export class V2KeysError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
    readonly cause_: string,
    readonly index: number,
  ) {
    super(`${errorCode}: ${message} (${cause_}) [${index}]`);
  }
}

/** The v2 client's text for a body that is not a keys response. */
export const INVALID_JSON =
  'client: response is invalid json. The endpoint is probably not valid etcd cluster endpoint.';

const ECODE_NODE_EXIST = 105;
/** The v2 client's per-request timeout (client.DefaultRequestTimeout). */
const REQUEST_TIMEOUT_MS = 5000;

export interface V2Options {
  /** The whole --discovery URL, e.g. http://127.0.0.1:2379/v2/keys/discovery/6c007a14. */
  url: string;
  /** --discovery-proxy ('' = none). */
  proxy: string;
  /** Hex member ID of this member (the registration key's last element). */
  selfId: string;
  log: Logger;
  http?: V2Http;
  sleep?: (ms: number) => Promise<void>;
  /** Retries of unreachable-service errors before "too many retries" (etcd: 2^32 - 1). */
  maxRetries?: number;
}

/** Registers this member and waits for the cluster to fill; resolves with the --initial-cluster text. */
export async function joinClusterV2(opts: V2Options, config: string): Promise<string> {
  const d = new V2Discovery(opts);
  await d.checkCluster(); // fast path: a full cluster is refused before registering
  await d.createSelf(config);
  const { nodes, size, index } = await d.checkCluster();
  const all = await d.waitNodes(nodes, size, index);
  return nodesToCluster(all, size);
}

interface ClusterState {
  nodes: V2Node[];
  size: number;
  index: number;
}

class V2Discovery {
  private readonly base: URL;
  /** The directory's path as the URL gives it, e.g. /v2/keys/discovery/tok. */
  private readonly dir: string;
  private readonly http: V2Http;
  private readonly sleep: (ms: number) => Promise<void>;
  private retries = 0;
  /** Set when the URL has no http(s) scheme: etcd keeps retrying such a URL, failing each time. */
  private readonly badScheme: string | undefined;

  constructor(private readonly o: V2Options) {
    const badEscape = /%(?![0-9a-fA-F]{2})(.{0,2})/s.exec(o.url);
    if (badEscape) {
      throw new DiscoveryProtocolError(
        `parse ${JSON.stringify(o.url)}: invalid URL escape ${JSON.stringify(badEscape[0])}`,
      );
    }
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(o.url)?.[1]?.toLowerCase() ?? '';
    let u: URL | undefined;
    if (scheme === 'http' || scheme === 'https') {
      try {
        u = new URL(o.url);
      } catch {
        throw new DiscoveryProtocolError(`parse ${JSON.stringify(o.url)}: invalid URL`);
      }
    } else {
      this.badScheme = scheme;
    }
    this.base = new URL(u?.origin ?? 'http://invalid');
    this.dir = '/' + (u?.pathname ?? '').split('/').filter(Boolean).join('/');
    this.http = o.http ?? nodeHttp(parseProxy(o.proxy));
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private keyUrl(path: string, query: Record<string, string> = {}): URL {
    const u = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  }

  private get selfKey(): string {
    return `${this.dir}/${this.o.selfId}`;
  }

  private async backoff(reason: string, err: unknown): Promise<void> {
    this.retries++;
    if (this.retries > (this.o.maxRetries ?? 2 ** 32 - 1)) {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.tooManyRetries);
    }
    const ms = retryDelayMs(this.retries);
    this.o.log.warn(
      { 'discovery-url': this.o.url, reason, err: (err as Error).message, backoff: `${ms / 1000}s` },
      'cannot reach the discovery service; retrying',
    );
    await this.sleep(ms);
  }

  async checkCluster(): Promise<ClusterState> {
    for (;;) {
      try {
        return await this.checkOnce();
      } catch (e) {
        if (!(e instanceof UnreachableError)) throw e;
        await this.backoff('cluster status check', e);
      }
    }
  }

  private async checkOnce(): Promise<ClusterState> {
    if (this.badScheme !== undefined) {
      throw new UnreachableError(`unsupported protocol scheme ${JSON.stringify(this.badScheme)}`);
    }
    const sizeRes = await this.http('GET', this.keyUrl(`${this.dir}/_config/size`), undefined, {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    let sizeNode: V2Node;
    try {
      sizeNode = decode(sizeRes).node;
    } catch (e) {
      // An answer that is not the v2 API at all: not an etcd discovery endpoint.
      if ((e as Error).message === INVALID_JSON) throw new DiscoveryProtocolError(DISCOVERY_ERR.badEndpoint);
      // etcd 3.4 means to map "key not found" to "size key not found" here, but its check never
      // matches the client's error type, so the v2 error itself is what operators see. Same here.
      throw e;
    }
    const sizeText = sizeNode.value ?? '';
    // Go's strconv.ParseUint: decimal digits only, within 64 bits.
    if (!/^\d+$/.test(sizeText) || BigInt(sizeText) >= 2n ** 64n) {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.badSizeKey);
    }
    const size = Number(sizeText);
    // etcd 3.4 dereferences a nil node and panics on a size of 0; refusing it as a bad size is the
    // only sane reading (v3 discovery refuses it the same way).
    if (size === 0) throw new DiscoveryProtocolError(DISCOVERY_ERR.badSizeKey);

    const dirRes = await this.http('GET', this.keyUrl(this.dir), undefined, {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    const dirNode = decode(dirRes).node;
    const nodes = (dirNode.nodes ?? [])
      .filter((n) => lastElem(n.key) !== '_config')
      .sort((a, b) => a.createdIndex - b.createdIndex);
    // Our position among the registrations: not within the first `size` means the cluster is full.
    const self = nodes.findIndex((n) => lastElem(n.key) === this.o.selfId);
    const ahead = self < 0 ? nodes.length : self;
    if (ahead >= size) {
      throw new DiscoveryProtocolError(DISCOVERY_ERR.fullCluster);
    }
    return { nodes, size, index: dirRes.index };
  }

  async createSelf(config: string): Promise<void> {
    const body = new URLSearchParams({ value: config }).toString();
    const res = await this.http('PUT', this.keyUrl(this.selfKey, { prevExist: 'false' }), body, {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    let node: V2Node;
    try {
      node = decode(res).node;
    } catch (e) {
      if (e instanceof V2KeysError && e.errorCode === ECODE_NODE_EXIST) {
        throw new DiscoveryProtocolError(DISCOVERY_ERR.duplicateId);
      }
      throw e;
    }
    // Make sure the registration is visible on the server we talk to before going on.
    await this.watchOnce(this.selfKey, node.createdIndex, false);
  }

  /** One event of a watch on `key` at or after `waitIndex` (empty long-poll answers are repeated). */
  private async watchOnce(key: string, waitIndex: number, recursive: boolean): Promise<V2Node> {
    for (;;) {
      const q: Record<string, string> = { wait: 'true', waitIndex: String(waitIndex) };
      if (recursive) q.recursive = 'true';
      const res = await this.http('GET', this.keyUrl(key, q));
      if (res.body.length === 0 && res.status === 200) continue;
      return decode(res).node;
    }
  }

  async waitNodes(nodes: V2Node[], size: number, index: number): Promise<V2Node[]> {
    for (;;) {
      const all = nodes.slice(0, size);
      for (const n of all) {
        const who = lastElem(n.key);
        this.o.log.info(
          { 'discovery-url': this.base.origin, peer: who, self: who === this.o.selfId },
          'found peer',
        );
      }
      let next = index + 1;
      try {
        while (all.length < size) {
          this.o.log.info(
            {
              'discovery-url': this.base.origin,
              'found-peers': all.length,
              'needed-peers': size - all.length,
            },
            'waiting for more peers to register with the discovery service',
          );
          const n = await this.watchOnce(this.dir, next, true);
          next = n.modifiedIndex + 1;
          const name = lastElem(n.key);
          // Only new registrations count (not _config, not a key seen already, not a deletion).
          if (n.key.split('/').includes('_config') || n.value === undefined) continue;
          if (all.some((m) => lastElem(m.key) === name)) continue;
          this.o.log.info({ 'discovery-url': this.base.origin, peer: name }, 'found peer');
          all.push(n);
        }
        this.o.log.info(
          { 'discovery-url': this.base.origin, 'found-peers': all.length },
          'found all needed peers from the discovery service',
        );
        return all;
      } catch (e) {
        if (!(e instanceof UnreachableError)) throw e;
        await this.backoff('waiting for other nodes', e);
        ({ nodes, size, index } = await this.checkCluster());
      }
    }
  }
}

/** The registrations' values joined into --initial-cluster text, with etcd's two checks. */
export function nodesToCluster(nodes: readonly V2Node[], size: number): string {
  const text = nodes.map((n) => n.value ?? '').join(',');
  let names: number;
  try {
    names = parseUrlsMap(text).size;
  } catch {
    throw new DiscoveryProtocolError(DISCOVERY_ERR.invalidUrl);
  }
  if (names !== size) throw new DiscoveryProtocolError(DISCOVERY_ERR.duplicateName);
  return text;
}

const lastElem = (key: string): string => key.split('/').filter(Boolean).pop() ?? '';

/** A keys-API answer: the node on success, V2KeysError for an error body, INVALID_JSON otherwise. */
export function decode(res: V2Response): { node: V2Node } {
  const ok = res.status === 200 || res.status === 201;
  if (ok && res.body.length === 0) throw new Error('client: response body is empty');
  let obj: unknown;
  try {
    obj = JSON.parse(res.body);
  } catch {
    throw new Error(INVALID_JSON);
  }
  if (obj === null || typeof obj !== 'object') throw new Error(INVALID_JSON);
  const o = obj as Record<string, unknown>;
  if (!ok) {
    throw new V2KeysError(
      Number(o.errorCode ?? 0),
      String(o.message ?? ''),
      String(o.cause ?? ''),
      Number(o.index ?? 0),
    );
  }
  const node = o.node as V2Node | undefined;
  if (node === undefined || typeof node !== 'object' || typeof node.key !== 'string') {
    throw new Error(INVALID_JSON);
  }
  return { node };
}

/** --discovery-proxy as Go reads it: a URL, or host:port taken as http://host:port. */
export function parseProxy(proxy: string): URL | undefined {
  if (proxy === '') return undefined;
  try {
    const u = new URL(proxy);
    if (u.protocol.startsWith('http') && u.host !== '') return u;
  } catch {
    // fall through to the http:// retry
  }
  try {
    return new URL(`http://${proxy}`);
  } catch {
    throw new DiscoveryProtocolError(`invalid proxy address ${JSON.stringify(proxy)}`);
  }
}

/** node:http(s) requests, through an HTTP proxy when one is given (CONNECT for https targets). */
export function nodeHttp(proxy: URL | undefined): V2Http {
  return (method, url, body, opts = {}) =>
    new Promise<V2Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const secure = url.protocol === 'https:';
      const port = Number(url.port || (secure ? 443 : 80));
      let req: http.ClientRequest;
      const onResponse = (res: http.IncomingMessage): void => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new UnreachableError(e.message)));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          // etcd's client treats these as "this member is unavailable" and tries elsewhere.
          if (status === 500 || status === 503) {
            reject(new UnreachableError(`${url.origin} answered HTTP ${status}`));
            return;
          }
          resolve({
            status,
            index: Number(res.headers['x-etcd-index'] ?? 0),
            body: Buffer.concat(chunks).toString(),
          });
        });
      };
      const fail = (e: Error): void => reject(new UnreachableError(e.message));
      if (proxy !== undefined && !secure) {
        req = http.request(
          {
            host: proxy.hostname,
            port: Number(proxy.port || 80),
            method,
            path: url.href,
            headers: { ...headers, host: url.host },
          },
          onResponse,
        );
      } else if (proxy !== undefined) {
        req = https.request(
          {
            method,
            host: url.hostname,
            port,
            path: url.pathname + url.search,
            headers,
            agent: false,
            createConnection: (_o, cb) => {
              const tunnel = http.request({
                host: proxy.hostname,
                port: Number(proxy.port || 80),
                method: 'CONNECT',
                path: `${url.hostname}:${port}`,
              });
              tunnel.on('connect', (res, socket) => {
                if (res.statusCode !== 200) {
                  cb(new Error(`proxy refused CONNECT: HTTP ${res.statusCode}`), undefined as never);
                  return;
                }
                cb(null, tls.connect({ socket, servername: url.hostname }));
              });
              tunnel.on('error', (e) => cb(e, undefined as never));
              tunnel.end();
              return undefined as never;
            },
          },
          onResponse,
        );
      } else {
        req = (secure ? https : http).request(
          { method, host: url.hostname, port, path: url.pathname + url.search, headers },
          onResponse,
        );
      }
      req.on('error', fail);
      if (opts.timeoutMs !== undefined) {
        req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('context deadline exceeded')));
      }
      req.end(body);
    });
}
