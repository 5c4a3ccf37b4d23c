// The member's configuration: flags (see flags.ts) turned into typed values, with etcd's checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  FLAGS,
  FlagError,
  FlagVerifyError,
  configFileOf,
  flagsFromConfigObject,
  parseArgs,
  parseBool,
  parseDuration,
  splitList,
  type RawFlags,
} from './flags.ts';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
  trustedCaFile: string;
  clientCertAuth: boolean;
  autoTls: boolean;
  crlFile: string;
}

export interface ServerConfig {
  name: string;
  dataDir: string;
  walDir: string;
  snapshotCount: number;
  heartbeatMs: number;
  electionMs: number;
  initialElectionTickAdvance: boolean;
  listenPeerUrls: URL[];
  listenClientUrls: URL[];
  listenMetricsUrls: URL[];
  advertiseClientUrls: URL[];
  initialAdvertisePeerUrls: URL[];
  /** name → peer URLs, in the order given. */
  initialCluster: Map<string, URL[]>;
  initialClusterState: 'new' | 'existing';
  initialClusterToken: string;
  discovery: string;
  discoveryFallback: 'exit' | 'proxy';
  discoveryProxy: string;
  /** v3 discovery (--discovery-endpoints/--discovery-token and friends); endpoints empty = not used. */
  discoveryV3: DiscoveryV3Config;
  discoverySrv: string;
  discoverySrvName: string;
  strictReconfigCheck: boolean;
  preVote: boolean;
  maxSnapshots: number;
  maxWals: number;
  quotaBackendBytes: number;
  backendBatchIntervalMs: number;
  backendBatchLimit: number;
  maxTxnOps: number;
  maxRequestBytes: number;
  autoCompactionMode: 'periodic' | 'revision';
  /** periodic: milliseconds; revision: a revision count. 0 = off. */
  autoCompactionRetention: number;
  enableV2: boolean;
  client: TlsFiles;
  peer: TlsFiles;
  authToken: string;
  bcryptCost: number;
  authTokenTtl: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'panic' | 'fatal';
  logOutputs: string[];
  metrics: 'basic' | 'extensive';
  forceNewCluster: boolean;
  enableLeaseCheckpoint: boolean;
  compactionBatchLimit: number;
  watchProgressNotifyIntervalMs: number;
  snapshotCatchupEntries: number;
  /** Flags explicitly given (command line, environment or config file). */
  explicit: Set<string>;
}

export interface DiscoveryV3Config {
  endpoints: string[];
  token: string;
  dialTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeMs: number;
  keepAliveTimeoutMs: number;
  insecureTransport: boolean;
  insecureSkipVerify: boolean;
  cert: string;
  key: string;
  cacert: string;
  user: string;
  password: string;
}

/** Largest --max-request-bytes: 64 MiB minus room for the raft entry and request framing. */
export const MAX_REQUEST_BYTES_LIMIT = 64 * 1024 * 1024 - 64 * 1024;
/** etcd's cap on the election timeout. */
const MAX_ELECTION_MS = 50_000;
/** 2 GiB: etcd's default quota when --quota-backend-bytes is 0. */
export const DEFAULT_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

export type CliOutcome =
  { kind: 'help' } | { kind: 'version' } | { kind: 'run'; config: ServerConfig; warnings: string[] };

/** argv without node and script. Throws FlagError with a message fit for the user. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): CliOutcome {
  let raw: RawFlags = parseArgs(argv, env);
  if (raw.help) return { kind: 'help' };
  if (raw.version) return { kind: 'version' };
  const file = configFileOf(argv, env);
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new FlagError(`cannot read config file ${file}: ${(e as Error).message}`);
    }
    let obj: unknown;
    try {
      // Loaded only for a config file (it costs ~0.2 s of start-up otherwise).
      const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
      obj = yaml.parse(text);
    } catch (e) {
      throw new FlagError(`config file ${file} is not valid YAML: ${(e as Error).message}`);
    }
    raw = flagsFromConfigObject(obj);
  }
  return { kind: 'run', config: buildConfig(raw), warnings: raw.warnings };
}

export function buildConfig(raw: RawFlags): ServerConfig {
  try {
    return buildConfigChecked(raw);
  } catch (e) {
    if (e instanceof FlagError && !(e instanceof FlagVerifyError)) throw new FlagVerifyError(e.message);
    throw e;
  }
}

function buildConfigChecked(raw: RawFlags): ServerConfig {
  const get = (name: string): string => {
    const v = raw.values.get(name);
    if (v !== undefined) return v;
    const spec = FLAGS.find((s) => s.name === name);
    if (!spec) throw new Error(`unknown flag ${name}`);
    return spec.def;
  };
  const num = (name: string) => Number(get(name));
  const bool = (name: string) => parseBool(get(name)) ?? false;
  const urls = (name: string) => splitList(get(name)).map((u) => new URL(u));
  const dur = (name: string) => (get(name) === '' ? 0 : parseDuration(get(name)));
  const tls = (prefix: '' | 'peer-'): TlsFiles => ({
    certFile: get(`${prefix}cert-file`),
    keyFile: get(`${prefix}key-file`),
    trustedCaFile: get(`${prefix}trusted-ca-file`),
    clientCertAuth: bool(`${prefix}client-cert-auth`),
    autoTls: bool(`${prefix}auto-tls`),
    crlFile: get(`${prefix === '' ? 'client-' : 'peer-'}crl-file`),
  });

  const name = get('name');
  const dataDir = raw.values.get('data-dir') ?? `${name}.etcd`;
  const heartbeatMs = num('heartbeat-interval');
  const electionMs = num('election-timeout');
  if (heartbeatMs <= 0) throw new FlagError('--heartbeat-interval must be greater than 0');
  if (5 * heartbeatMs > electionMs) {
    throw new FlagError(
      `--election-timeout[${electionMs}ms] should be at least as 5 times as --heartbeat-interval[${heartbeatMs}ms]`,
    );
  }
  if (electionMs > MAX_ELECTION_MS) {
    throw new FlagError(
      `--election-timeout[${electionMs}ms] is too long, and should be set less than ${MAX_ELECTION_MS}ms`,
    );
  }

  const explicit = raw.set;
  if (explicit.has('listen-client-urls') && !explicit.has('advertise-client-urls')) {
    throw new FlagError('--advertise-client-urls is required when --listen-client-urls is set explicitly');
  }
  if (
    explicit.has('listen-peer-urls') &&
    explicit.has('initial-cluster') &&
    !explicit.has('initial-advertise-peer-urls')
  ) {
    throw new FlagError(
      '--initial-advertise-peer-urls is required when --listen-peer-urls is set explicitly',
    );
  }
  const bootstrapModes = ['initial-cluster', 'discovery', 'discovery-srv', 'discovery-endpoints'].filter(
    (n) => explicit.has(n) && get(n) !== '',
  );
  if (bootstrapModes.length > 1) {
    // etcd 3.4's text, or etcd 3.6's (which names v3 discovery) once --discovery-endpoints is involved.
    const choices = bootstrapModes.includes('discovery-endpoints')
      ? '"initial-cluster", "discovery", "discovery-endpoints" or "discovery-srv"'
      : '"initial-cluster", "discovery" or "discovery-srv"';
    throw new FlagError(`multiple discovery or bootstrap flags are set. Choose one of ${choices}`);
  }
  const discoveryV3 = discoveryV3Config(get, dur);

  const initialAdvertisePeerUrls = urls('initial-advertise-peer-urls');
  let initialClusterText = get('initial-cluster');
  if (!explicit.has('initial-cluster')) {
    // etcd fills the default from this member's own name and advertised peer URLs.
    initialClusterText = initialAdvertisePeerUrls
      .map((u) => `${name}=${u.href.replace(/\/$/, '')}`)
      .join(',');
  }
  const initialCluster = parseInitialCluster(initialClusterText);

  const mode = get('auto-compaction-mode') as 'periodic' | 'revision';
  const retentionText = get('auto-compaction-retention');
  let retention: number;
  if (mode === 'revision') {
    if (!/^\d+$/.test(retentionText)) {
      throw new FlagError(
        `invalid auto-compaction-retention ${JSON.stringify(retentionText)} (expected a revision count)`,
      );
    }
    retention = Number(retentionText);
  } else if (/^\d+$/.test(retentionText)) {
    retention = Number(retentionText) * 3_600_000; // a bare number means hours
  } else {
    try {
      retention = parseDuration(retentionText);
    } catch {
      throw new FlagError(`invalid auto-compaction-retention ${JSON.stringify(retentionText)}`);
    }
  }

  const quota = num('quota-backend-bytes');
  // A request becomes one WAL record; the WAL refuses records over 64 MiB, so requests must stay below.
  const maxRequestBytes = num('max-request-bytes');
  if (maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
    throw new FlagError(
      `--max-request-bytes ${maxRequestBytes} is too large: at most ${MAX_REQUEST_BYTES_LIMIT} (a request must fit one WAL record)`,
    );
  }
  return {
    name,
    dataDir,
    walDir: get('wal-dir'),
    snapshotCount: num('snapshot-count'),
    heartbeatMs,
    electionMs,
    initialElectionTickAdvance: bool('initial-election-tick-advance'),
    listenPeerUrls: urls('listen-peer-urls'),
    listenClientUrls: urls('listen-client-urls'),
    listenMetricsUrls: urls('listen-metrics-urls'),
    advertiseClientUrls: urls('advertise-client-urls'),
    initialAdvertisePeerUrls,
    initialCluster,
    initialClusterState: get('initial-cluster-state') as 'new' | 'existing',
    initialClusterToken: get('initial-cluster-token'),
    discovery: get('discovery'),
    discoveryFallback: get('discovery-fallback') as 'exit' | 'proxy',
    discoveryProxy: get('discovery-proxy'),
    discoveryV3,
    discoverySrv: get('discovery-srv'),
    discoverySrvName: get('discovery-srv-name'),
    strictReconfigCheck: bool('strict-reconfig-check'),
    preVote: bool('pre-vote'),
    maxSnapshots: num('max-snapshots'),
    maxWals: num('max-wals'),
    quotaBackendBytes: quota <= 0 ? DEFAULT_QUOTA_BYTES : quota,
    backendBatchIntervalMs: dur('backend-batch-interval') || 100,
    backendBatchLimit: num('backend-batch-limit') || 10_000,
    maxTxnOps: num('max-txn-ops'),
    maxRequestBytes,
    autoCompactionMode: mode,
    autoCompactionRetention: retention,
    enableV2: bool('enable-v2'),
    client: tls(''),
    peer: tls('peer-'),
    authToken: get('auth-token'),
    bcryptCost: num('bcrypt-cost'),
    authTokenTtl: num('auth-token-ttl'),
    logLevel: get('log-level') as ServerConfig['logLevel'],
    logOutputs: splitList(get('log-outputs')),
    metrics: get('metrics') as 'basic' | 'extensive',
    forceNewCluster: bool('force-new-cluster'),
    enableLeaseCheckpoint: bool('experimental-enable-lease-checkpoint'),
    compactionBatchLimit: num('experimental-compaction-batch-limit'),
    watchProgressNotifyIntervalMs: dur('experimental-watch-progress-notify-interval'),
    snapshotCatchupEntries: num('experimental-snapshot-catchup-entries'),
    explicit,
  };
}

/** The v3 discovery flags, checked as etcd 3.6 checks them. */
function discoveryV3Config(get: (n: string) => string, dur: (n: string) => number): DiscoveryV3Config {
  const endpoints = splitList(get('discovery-endpoints'));
  const v3 = {
    endpoints,
    token: get('discovery-token'),
    dialTimeoutMs: dur('discovery-dial-timeout'),
    requestTimeoutMs: dur('discovery-request-timeout'),
    keepAliveTimeMs: dur('discovery-keepalive-time'),
    keepAliveTimeoutMs: dur('discovery-keepalive-timeout'),
    insecureTransport: parseBool(get('discovery-insecure-transport')) ?? true,
    insecureSkipVerify: parseBool(get('discovery-insecure-skip-tls-verify')) ?? false,
    cert: get('discovery-cert'),
    key: get('discovery-key'),
    cacert: get('discovery-cacert'),
    user: get('discovery-user'),
    password: get('discovery-password'),
  };
  const anyV3 = [v3.token, v3.cert, v3.key, v3.cacert, v3.user, v3.password].some((v) => v !== '');
  if (get('discovery-proxy') !== '' && (endpoints.length > 0 || anyV3)) {
    throw new FlagError(
      'both v2 discovery settings (discovery, discovery-proxy) and v3 discovery settings (discovery-token, discovery-endpoints, discovery-cert, discovery-key, discovery-cacert, discovery-user, discovery-password) are set',
    );
  }
  if ((v3.token !== '') !== endpoints.length > 0) {
    throw new FlagError('both --discovery-token and --discovery-endpoints must be set');
  }
  const written = get('discovery-endpoints');
  if (written !== '' && written.split(',').some((e) => e.trim() === '')) {
    throw new FlagError('--discovery-endpoints must not contain empty endpoints');
  }
  return v3;
}

/** "a=http://h:2380,a=http://h2:2380,b=http://x:2380" → Map { a → [..2], b → [..1] }. */
export function parseInitialCluster(text: string): Map<string, URL[]> {
  const out = new Map<string, URL[]>();
  for (const part of splitList(text)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FlagError(`--initial-cluster: ${JSON.stringify(part)} is not name=URL`);
    const n = part.slice(0, eq);
    let u: URL;
    try {
      u = new URL(part.slice(eq + 1));
    } catch {
      throw new FlagError(`--initial-cluster: ${JSON.stringify(part.slice(eq + 1))} is not a valid URL`);
    }
    const list = out.get(n) ?? [];
    list.push(u);
    out.set(n, list);
  }
  return out;
}
