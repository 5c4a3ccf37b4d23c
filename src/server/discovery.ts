// Bootstrap by discovery: the member learns its --initial-cluster from a discovery service instead of
// the command line. Two protocols, one outcome:
//   v2 (--discovery <url>, etcd 3.4): the v2 keys HTTP API, see discovery-v2.ts;
//   v3 (--discovery-endpoints + --discovery-token, etcd 3.5+): the v3 KV API through our own client,
//      see discovery-v3.ts.
// Either way this member registers "name=peerURL" under its member ID, waits until the configured
// number of members registered, and bootstraps a new cluster of the first `size` registrations.
// Member and cluster IDs use the discovery URL (v2) or the token (v3) as the cluster token, as etcd
// does, so tsetcd and etcd members derive identical IDs from the same registrations.
//
// Failures end start-up with etcd's texts: "failed to join discovery cluster (discovery: ...)" plus
// the hints etcd logs for each case. When the cluster is already full etcd 3.4 can fall back to its v2
// proxy mode (--discovery-fallback=proxy, the default); tsetcd has no proxy mode and says so.
import type { Logger } from './etcd-server.ts';
import type { ServerConfig } from './config.ts';
import { memberIdFor, idHex, urlString } from './membership.ts';
import { joinClusterV2 } from './discovery-v2.ts';

/** etcd's discovery error texts (v2discovery / v3discovery). */
export const DISCOVERY_ERR = {
  invalidUrl: 'discovery: invalid URL',
  invalidPeerUrl: 'discovery: invalid peer URL',
  badSizeKey: 'discovery: size key is bad',
  sizeNotFound: 'discovery: size key not found',
  duplicateId: 'discovery: found duplicate id',
  duplicateName: 'discovery: found duplicate name',
  fullCluster: 'discovery: cluster is full',
  tooManyRetries: 'discovery: too many retries',
  badEndpoint: 'discovery: bad discovery endpoint',
} as const;

/** A protocol-level refusal (one of DISCOVERY_ERR, or a URL parse error): not retried. */
export class DiscoveryProtocolError extends Error {}

/** What start-up fails with: etcd's DiscoveryError text around the reason. */
export class DiscoveryError extends Error {
  constructor(readonly reason: Error) {
    super(`failed to join discovery cluster (${reason.message})`);
  }
}

/** Backoff before retry number `retries` (1-based): 2 s, 4 s, ... 256 s, then 256 s for ever. */
export function retryDelayMs(retries: number): number {
  return 1000 * 2 ** Math.min(Math.max(retries, 1), 8);
}

/**
 * etcd's types.NewURLsMap: "name=url,name=url2,other=url3" → name → URLs. Each URL must be
 * http/https/unix/unixs with host:port and no path. Throws on anything else.
 */
export function parseUrlsMap(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new Error(`${JSON.stringify(pair)} is not name=URL`);
    const name = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new Error(`${JSON.stringify(raw)} is not a URL`);
    }
    if (!['http:', 'https:', 'unix:', 'unixs:'].includes(u.protocol)) {
      throw new Error(`URL scheme must be http, https, unix, or unixs: ${raw}`);
    }
    if (u.port === '' && !/:\d+$/.test(u.host)) {
      throw new Error(`URL address does not have the form "host:port": ${raw}`);
    }
    if (u.pathname !== '/' && u.pathname !== '') throw new Error(`URL must not contain a path: ${raw}`);
    const list = out.get(name) ?? [];
    list.push(raw);
    out.set(name, list);
  }
  return out;
}

/** This member's registration value: sorted "name=url" pairs, as etcd's URLsMap prints. */
export function registrationValue(name: string, peerUrls: readonly string[]): string {
  return peerUrls
    .map((u) => `${name}=${u}`)
    .sort()
    .join(',');
}

export interface DiscoveryOutcome {
  initialCluster: Map<string, URL[]>;
  /** The cluster token the IDs derive from: the discovery URL (v2) or the token (v3). */
  initialClusterToken: string;
}

/** Does this configuration bootstrap by discovery (v2 or v3)? */
export const usesDiscovery = (cfg: ServerConfig): boolean =>
  cfg.discovery !== '' || cfg.discoveryV3.endpoints.length > 0;

/** Runs the configured discovery protocol; throws DiscoveryError (etcd's texts) on failure. */
export async function discoverInitialCluster(cfg: ServerConfig, log: Logger): Promise<DiscoveryOutcome> {
  const v3 = cfg.discoveryV3.endpoints.length > 0;
  const token = v3 ? cfg.discoveryV3.token : cfg.discovery;
  const selfPeerUrls = cfg.initialAdvertisePeerUrls.map(urlString);
  const selfId = idHex(memberIdFor(selfPeerUrls, token));
  const value = registrationValue(cfg.name, selfPeerUrls);
  let text: string;
  try {
    if (v3) {
      // loaded only here: it brings the etcd client and @grpc/grpc-js, which a member does not need otherwise
      const { joinClusterV3 } = await import('./discovery-v3.ts');
      text = await joinClusterV3({ cfg: cfg.discoveryV3, selfId, log }, value);
    } else {
      text = await joinClusterV2({ url: cfg.discovery, proxy: cfg.discoveryProxy, selfId, log }, value);
    }
  } catch (e) {
    throw explain(e as Error, cfg, token, log);
  }
  const map = parseUrlsMap(text);
  const seen = new Set<string>();
  for (const urls of map.values()) {
    for (const u of urls) {
      if (seen.has(u)) throw new Error(`discovery cluster ${text} has duplicate url`);
      seen.add(u);
    }
  }
  const initialCluster = new Map([...map].map(([n, urls]) => [n, urls.map((u) => new URL(u))]));
  log.info({ 'initial-cluster': text, 'member-id': selfId }, 'got the initial cluster from discovery');
  return { initialCluster, initialClusterToken: token };
}

/** Logs etcd's hints for a failed discovery and returns the error start-up fails with. */
function explain(e: Error, cfg: ServerConfig, token: string, log: Logger): Error {
  const err = new DiscoveryError(e);
  const where =
    cfg.discoveryV3.endpoints.length > 0 ? { 'discovery-endpoints': cfg.discoveryV3.endpoints } : {};
  switch (e.message) {
    case DISCOVERY_ERR.fullCluster:
      // etcd falls back to its proxy only for v2 discovery; a full v3 token is an ordinary failure.
      if (cfg.discoveryFallback === 'proxy' && cfg.discoveryV3.endpoints.length === 0) {
        log.warn({ 'discovery-token': token }, 'discovery cluster full, falling back to proxy');
        return new Error(
          'discovery cluster is full and --discovery-fallback is "proxy", but tsetcd has no proxy mode: ' +
            'use --discovery-fallback=exit, or add this member to the running cluster with `member add` ' +
            'and --initial-cluster-state=existing',
        );
      }
      break;
    case DISCOVERY_ERR.duplicateId:
      log.error(
        { 'discovery-token': token, ...where, name: cfg.name, 'data-dir': cfg.dataDir },
        `member ${JSON.stringify(cfg.name)} has previously registered with the discovery service, but its data dir holds no cluster`,
      );
      log.info({}, 'check the data dir if the previous bootstrap succeeded, or use a new discovery token');
      return err;
    case DISCOVERY_ERR.duplicateName:
      log.error(
        { 'discovery-token': token, ...where },
        'a member with the same name has registered with the discovery service',
      );
      log.info({}, 'look at the registrations under the token; do not reuse a token, generate a new one');
      return err;
  }
  log.error({ 'discovery-token': token, ...where, err: e.message }, err.message);
  log.info(
    { 'discovery-token': token },
    'the discovery token was used but the bootstrap failed; generate a new one',
  );
  return err;
}
