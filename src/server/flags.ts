// tsetcd's command line: etcd 3.4's flag names, defaults and help groups, parsed the way etcd's Go
// `flag` package does it (`-flag` or `--flag`, `=value` or a separate word, bare booleans), with
// every flag also read from ETCD_<FLAG_NAME> and, alternatively, from a YAML --config-file.
//
// Precedence, as etcd: a config file replaces flags and environment entirely; otherwise a flag
// given on the command line beats the environment (etcd 3.4 refuses that conflict outright; we
// accept it with a warning, since flags-win is what operators expect from every other tool).
// We hand-parse instead of using commander because Go's single-dash long flags and etcd's
// environment rules do not fit commander's model.

export type FlagKind = 'string' | 'uint' | 'int' | 'bool' | 'duration' | 'urls' | 'enum' | 'stringList';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  /** Default as etcd prints it in --help. */
  def: string;
  group: string;
  help: string;
  choices?: readonly string[];
}

const f = (
  group: string,
  name: string,
  kind: FlagKind,
  def: string,
  help: string,
  choices?: readonly string[],
): FlagSpec => ({ group, name, kind, def, help, ...(choices ? { choices } : {}) });

export const FLAG_GROUPS = [
  'Member',
  'Clustering',
  'Security',
  'Auth',
  'Profiling and Monitoring',
  'Logging',
  'v2 Proxy',
  'Experimental feature',
  'Unsafe feature',
] as const;

/** etcd 3.5+'s v3 discovery: bootstrap through the v3 KV API of a running cluster (see discovery-v3.ts). */
const V3_DISCOVERY_FLAGS: readonly FlagSpec[] = [
  ['discovery-endpoints', 'stringList', '', 'V3 discovery: gRPC endpoints of the discovery service.'],
  ['discovery-token', 'string', '', 'V3 discovery: token of the cluster to bootstrap.'],
  ['discovery-dial-timeout', 'duration', '2s', 'V3 discovery: dial timeout for client connections.'],
  ['discovery-request-timeout', 'duration', '5s', 'V3 discovery: timeout of each discovery request.'],
  ['discovery-keepalive-time', 'duration', '2s', 'V3 discovery: keepalive time for client connections.'],
  ['discovery-keepalive-timeout', 'duration', '6s', 'V3 discovery: keepalive timeout for connections.'],
  ['discovery-insecure-transport', 'bool', 'true', 'V3 discovery: disable transport security.'],
  ['discovery-insecure-skip-tls-verify', 'bool', 'false', 'V3 discovery: skip server certificate checks.'],
  ['discovery-cert', 'string', '', 'V3 discovery: client TLS certificate file.'],
  ['discovery-key', 'string', '', 'V3 discovery: client TLS key file.'],
  ['discovery-cacert', 'string', '', 'V3 discovery: CA bundle that verifies the discovery servers.'],
  ['discovery-user', 'string', '', 'V3 discovery: username[:password] for authentication.'],
  ['discovery-password', 'string', '', 'V3 discovery: password for authentication.'],
].map(([name, kind, def, help]) => f('Clustering', name!, kind as FlagKind, def!, help!));

export const FLAGS: readonly FlagSpec[] = [
  f('Member', 'name', 'string', 'default', 'Name of this member, unique within the cluster.'),
  f('Member', 'data-dir', 'string', '${name}.etcd', 'Directory holding the WAL, snapshots and the backend.'),
  f('Member', 'wal-dir', 'string', '', 'Put the write-ahead log in this directory instead of the data dir.'),
  f('Member', 'snapshot-count', 'uint', '100000', 'Applied entries between two raft snapshots.'),
  f('Member', 'heartbeat-interval', 'uint', '100', 'Leader heartbeat period, in milliseconds.'),
  f('Member', 'election-timeout', 'uint', '1000', 'Milliseconds without a leader before a member campaigns.'),
  f(
    'Member',
    'initial-election-tick-advance',
    'bool',
    'true',
    'Skip most of the first election timeout on boot.',
  ),
  f('Member', 'listen-peer-urls', 'urls', 'http://localhost:2380', 'URLs to accept peer traffic on.'),
  f('Member', 'listen-client-urls', 'urls', 'http://localhost:2379', 'URLs to accept client traffic on.'),
  f('Member', 'max-snapshots', 'uint', '5', 'Snapshot files to keep (0 keeps all).'),
  f('Member', 'max-wals', 'uint', '5', 'WAL segment files to keep (0 keeps all).'),
  f(
    'Member',
    'quota-backend-bytes',
    'int',
    '0',
    'Backend size that raises the NOSPACE alarm (0 means 2 GiB).',
  ),
  f('Member', 'backend-batch-interval', 'duration', '', 'Longest time before the backend commits its batch.'),
  f('Member', 'backend-batch-limit', 'uint', '0', 'Most writes before the backend commits its batch.'),
  f('Member', 'max-txn-ops', 'uint', '128', 'Most operations allowed in one transaction.'),
  f('Member', 'max-request-bytes', 'uint', '1572864', 'Largest client request accepted, in bytes.'),
  f(
    'Member',
    'max-concurrent-streams',
    'uint',
    '4294967295',
    'Most concurrent streams per client connection.',
  ),
  f('Member', 'grpc-keepalive-min-time', 'duration', '5s', 'Shortest ping interval a client may use.'),
  f('Member', 'grpc-keepalive-interval', 'duration', '2h', 'Server-to-client ping period (0 disables).'),
  f(
    'Member',
    'grpc-keepalive-timeout',
    'duration',
    '20s',
    'How long to wait for a ping answer before closing.',
  ),

  f(
    'Clustering',
    'initial-advertise-peer-urls',
    'urls',
    'http://localhost:2380',
    "This member's peer URLs as told to the cluster.",
  ),
  f(
    'Clustering',
    'initial-cluster',
    'string',
    'default=http://localhost:2380',
    'Bootstrap members: name=peerURL,…',
  ),
  f('Clustering', 'initial-cluster-state', 'enum', 'new', 'new to form a cluster, existing to join one.', [
    'new',
    'existing',
  ]),
  f(
    'Clustering',
    'initial-cluster-token',
    'string',
    'etcd-cluster',
    'Token that makes cluster and member IDs unique.',
  ),
  f(
    'Clustering',
    'advertise-client-urls',
    'urls',
    'http://localhost:2379',
    "This member's client URLs as told to clients.",
  ),
  f('Clustering', 'discovery', 'string', '', 'Discovery URL used to bootstrap the cluster (v2 discovery).'),
  f(
    'Clustering',
    'discovery-fallback',
    'enum',
    'proxy',
    'What to do when the discovery cluster is full: exit or proxy (proxy mode is not supported).',
    ['exit', 'proxy'],
  ),
  f('Clustering', 'discovery-proxy', 'string', '', 'HTTP proxy for traffic to the v2 discovery service.'),
  ...V3_DISCOVERY_FLAGS,
  f('Clustering', 'discovery-srv', 'string', '', 'DNS domain whose SRV records bootstrap the cluster.'),
  f(
    'Clustering',
    'discovery-srv-name',
    'string',
    '',
    'Suffix of the SRV name looked up during DNS discovery.',
  ),
  f(
    'Clustering',
    'strict-reconfig-check',
    'bool',
    'true',
    'Refuse membership changes that could lose quorum.',
  ),
  f('Clustering', 'pre-vote', 'bool', 'false', 'Run a raft pre-vote before each election.'),
  f(
    'Clustering',
    'auto-compaction-retention',
    'string',
    '0',
    'History to keep when compacting automatically (0 = off).',
  ),
  f(
    'Clustering',
    'auto-compaction-mode',
    'enum',
    'periodic',
    'periodic (a duration) or revision (a count).',
    ['periodic', 'revision'],
  ),
  f('Clustering', 'enable-v2', 'bool', 'false', 'Also serve the v2 keys API.'),

  f('Security', 'cert-file', 'string', '', 'TLS certificate for client traffic.'),
  f('Security', 'key-file', 'string', '', 'TLS key for client traffic.'),
  f(
    'Security',
    'client-cert-auth',
    'bool',
    'false',
    'Require client certificates signed by --trusted-ca-file.',
  ),
  f('Security', 'client-crl-file', 'string', '', 'Revoked client certificates.'),
  f(
    'Security',
    'client-cert-allowed-hostname',
    'string',
    '',
    'Accept only client certificates for this hostname.',
  ),
  f('Security', 'trusted-ca-file', 'string', '', 'CA bundle for verifying client certificates.'),
  f('Security', 'auto-tls', 'bool', 'false', 'Serve clients with a generated self-signed certificate.'),
  f('Security', 'peer-cert-file', 'string', '', 'TLS certificate for peer traffic.'),
  f('Security', 'peer-key-file', 'string', '', 'TLS key for peer traffic.'),
  f(
    'Security',
    'peer-client-cert-auth',
    'bool',
    'false',
    'Require peer certificates signed by --peer-trusted-ca-file.',
  ),
  f('Security', 'peer-trusted-ca-file', 'string', '', 'CA bundle for verifying peer certificates.'),
  f('Security', 'peer-cert-allowed-cn', 'string', '', 'Accept only peer certificates with this common name.'),
  f(
    'Security',
    'peer-cert-allowed-hostname',
    'string',
    '',
    'Accept only peer certificates for this hostname.',
  ),
  f('Security', 'peer-auto-tls', 'bool', 'false', 'Serve peers with a generated self-signed certificate.'),
  f('Security', 'peer-crl-file', 'string', '', 'Revoked peer certificates.'),
  f('Security', 'cipher-suites', 'stringList', '', 'Allowed TLS cipher suites, comma separated.'),
  f('Security', 'cors', 'stringList', '*', 'Origins allowed for cross-origin requests.'),
  f('Security', 'host-whitelist', 'stringList', '*', 'Host headers accepted by the HTTP endpoints.'),

  f('Auth', 'auth-token', 'string', 'simple', 'Token kind: simple or jwt,<options>.'),
  f('Auth', 'bcrypt-cost', 'uint', '10', 'bcrypt cost for password hashes.'),
  f('Auth', 'auth-token-ttl', 'uint', '300', 'Seconds a simple token stays valid.'),

  f(
    'Profiling and Monitoring',
    'enable-pprof',
    'bool',
    'false',
    'Serve runtime profiles under /debug/pprof.',
  ),
  f('Profiling and Monitoring', 'metrics', 'enum', 'basic', 'basic or extensive (with histograms).', [
    'basic',
    'extensive',
  ]),
  f(
    'Profiling and Monitoring',
    'listen-metrics-urls',
    'urls',
    '',
    'Extra URLs serving only /metrics and /health.',
  ),

  f('Logging', 'logger', 'enum', 'zap', 'zap (structured JSON) or capnslog (accepted, logs as zap).', [
    'zap',
    'capnslog',
  ]),
  f(
    'Logging',
    'log-outputs',
    'stringList',
    'default',
    'Where logs go: default, stderr, stdout or file paths.',
  ),
  f('Logging', 'log-level', 'enum', 'info', 'debug, info, warn, error, panic or fatal.', [
    'debug',
    'info',
    'warn',
    'error',
    'panic',
    'fatal',
  ]),

  f('v2 Proxy', 'proxy', 'enum', 'off', 'off, readonly or on.', ['off', 'readonly', 'on']),
  f('v2 Proxy', 'proxy-failure-wait', 'uint', '5000', 'Milliseconds an endpoint stays failed.'),
  f('v2 Proxy', 'proxy-refresh-interval', 'uint', '30000', 'Milliseconds between endpoint refreshes.'),
  f('v2 Proxy', 'proxy-dial-timeout', 'uint', '1000', 'Milliseconds to wait for a dial (0 = none).'),
  f('v2 Proxy', 'proxy-write-timeout', 'uint', '5000', 'Milliseconds to wait for a write (0 = none).'),
  f('v2 Proxy', 'proxy-read-timeout', 'uint', '0', 'Milliseconds to wait for a read (0 = none).'),

  f(
    'Experimental feature',
    'experimental-initial-corrupt-check',
    'bool',
    'false',
    'Compare hashes with peers before serving.',
  ),
  f(
    'Experimental feature',
    'experimental-corrupt-check-time',
    'duration',
    '0s',
    'Period of the cluster corruption check.',
  ),
  f(
    'Experimental feature',
    'experimental-enable-lease-checkpoint',
    'bool',
    'false',
    'Replicate remaining lease TTLs periodically.',
  ),
  f(
    'Experimental feature',
    'experimental-compaction-batch-limit',
    'uint',
    '1000',
    'Keys deleted per compaction batch.',
  ),
  f(
    'Experimental feature',
    'experimental-watch-progress-notify-interval',
    'duration',
    '10m',
    'Period of watch progress notifications.',
  ),
  f(
    'Experimental feature',
    'experimental-warning-apply-duration',
    'duration',
    '100ms',
    'Warn when applying an entry takes longer.',
  ),

  f(
    'Experimental feature',
    'experimental-snapshot-catchup-entries',
    'uint',
    '5000',
    'Entries kept in the raft log after a snapshot for slow followers (an etcd 3.5 flag).',
  ),

  f(
    'Unsafe feature',
    'force-new-cluster',
    'bool',
    'false',
    'Start as a one-member cluster from existing data.',
  ),
];

export const FLAGS_BY_NAME: ReadonlyMap<string, FlagSpec> = new Map(FLAGS.map((s) => [s.name, s]));

/** ETCD_<FLAG_NAME> for a flag name. */
export const envName = (flag: string): string => `ETCD_${flag.toUpperCase().replace(/-/g, '_')}`;

export class FlagError extends Error {
  override name = 'FlagError';
}

/** Flags that parsed but do not make sense together (etcd: "error verifying flags", exit 1). */
export class FlagVerifyError extends FlagError {
  override name = 'FlagVerifyError';
}

export interface RawFlags {
  /** Flag name → textual value, after precedence. */
  values: Map<string, string>;
  /** Flags explicitly set (command line, environment or config file). */
  set: Set<string>;
  help: boolean;
  version: boolean;
  warnings: string[];
}

const BOOL_WORDS = new Map([
  ['1', true],
  ['t', true],
  ['T', true],
  ['true', true],
  ['TRUE', true],
  ['True', true],
  ['0', false],
  ['f', false],
  ['F', false],
  ['false', false],
  ['FALSE', false],
  ['False', false],
]);

export function parseBool(v: string): boolean | undefined {
  return BOOL_WORDS.get(v);
}

/** Parses argv (without node and script) and env with Go flag semantics. Throws FlagError. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): RawFlags {
  const values = new Map<string, string>();
  const set = new Set<string>();
  const warnings: string[] = [];
  let help = false;
  let version = false;
  let configFile: string | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') {
      throw new FlagError(`'${arg}' is not a valid flag`);
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    let value = eq >= 0 ? body.slice(eq + 1) : undefined;
    if (name === 'h' || name === 'help') {
      help = true;
      continue;
    }
    if (name === 'version') {
      version = value === undefined ? true : (parseBool(value) ?? true);
      continue;
    }
    if (name === 'config-file') {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) throw new FlagError(`flag needs an argument: -${name}`);
      }
      configFile = value;
      continue;
    }
    const spec = FLAGS_BY_NAME.get(name);
    if (!spec) throw new FlagError(`flag provided but not defined: -${name}`);
    if (value === undefined) {
      if (spec.kind === 'bool') value = 'true';
      else {
        value = argv[++i];
        if (value === undefined) throw new FlagError(`flag needs an argument: -${name}`);
      }
    }
    checkValue(spec, value);
    values.set(name, value);
    set.add(name);
  }

  configFile ??= env.ETCD_CONFIG_FILE || undefined;
  if (configFile !== undefined) {
    return { values: new Map(), set: new Set(), help, version, warnings: [`config file: ${configFile}`] };
  }

  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('ETCD_') || value === undefined) continue;
    if (key === 'ETCD_CONFIG_FILE') continue;
    const name = key.slice(5).toLowerCase().replace(/_/g, '-');
    const spec = FLAGS_BY_NAME.get(name);
    if (!spec) {
      warnings.push(`unrecognized environment variable ${key}=${value}`);
      continue;
    }
    if (set.has(name)) {
      warnings.push(`environment variable ${key} is shadowed by the command-line flag --${name}`);
      continue;
    }
    try {
      checkValue(spec, value);
    } catch (e) {
      throw new FlagError(`invalid value ${JSON.stringify(value)} for ${key}: ${(e as Error).message}`);
    }
    values.set(name, value);
    set.add(name);
  }
  return { values, set, help, version, warnings };
}

/** Reads the config-file name out of argv/env (parseArgs returns early when one is given). */
export function configFileOf(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const body = argv[i]!.replace(/^--?/, '');
    if (body === 'config-file') return argv[i + 1];
    if (body.startsWith('config-file=')) return body.slice('config-file='.length);
  }
  return env.ETCD_CONFIG_FILE || undefined;
}

/** Applies a parsed YAML config file (keys are flag names, as etcd's sample file). */
export function flagsFromConfigObject(obj: unknown): RawFlags {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new FlagError('config file must hold a YAML mapping of flag names to values');
  }
  const values = new Map<string, string>();
  const set = new Set<string>();
  const warnings: string[] = [];
  for (const [key, raw] of Object.entries(obj as Record<string, unknown>)) {
    const spec = FLAGS_BY_NAME.get(key);
    if (!spec) {
      warnings.push(`config file: unknown key ${JSON.stringify(key)} ignored`);
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
    try {
      checkValue(spec, value);
    } catch (e) {
      throw new FlagError(
        `config file: invalid value ${JSON.stringify(value)} for ${key}: ${(e as Error).message}`,
      );
    }
    values.set(key, value);
    set.add(key);
  }
  return { values, set, help: false, version: false, warnings };
}

/** Go's time.ParseDuration subset: "300ms", "1.5h", "2h45m", "0". Returns milliseconds. */
export function parseDuration(s: string): number {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  if (s.length === 0) throw new FlagError('parse error');
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * unit[m[2]!]!;
    pos = re.lastIndex;
  }
  if (pos !== s.length) throw new FlagError('parse error');
  return total;
}

function checkValue(spec: FlagSpec, value: string): void {
  const bad = () =>
    new FlagError(`invalid value ${JSON.stringify(value)} for flag -${spec.name}: parse error`);
  switch (spec.kind) {
    case 'bool':
      if (parseBool(value) === undefined) throw bad();
      return;
    case 'uint':
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw bad();
      return;
    case 'int':
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw bad();
      return;
    case 'duration':
      if (value === '') return;
      try {
        parseDuration(value);
      } catch {
        throw bad();
      }
      return;
    case 'enum':
      if (!spec.choices?.includes(value)) {
        throw new FlagError(
          `invalid value ${JSON.stringify(value)} for flag -${spec.name}: valid values are ${spec.choices?.join(', ')}`,
        );
      }
      return;
    case 'urls':
      for (const u of splitList(value)) {
        let url: URL;
        try {
          url = new URL(u);
        } catch {
          throw new FlagError(
            `invalid value ${JSON.stringify(value)} for flag -${spec.name}: parse ${u}: invalid URL`,
          );
        }
        if (!['http:', 'https:', 'unix:', 'unixs:'].includes(url.protocol)) {
          throw new FlagError(
            `invalid value ${JSON.stringify(value)} for flag -${spec.name}: URL scheme must be http, https, unix, or unixs: ${u}`,
          );
        }
      }
      return;
    case 'string':
    case 'stringList':
      return;
  }
}

export function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** etcd-style --help text, grouped, with our own descriptions. */
export function usage(): string {
  const lines = [
    'Usage:',
    '',
    '  tsetcd [flags]',
    '    Start a tsetcd member (etcd-compatible).',
    '',
    '  tsetcd --version',
    '    Print the version.',
    '',
    '  tsetcd -h | --help',
    '    Print this help.',
    '',
    '  tsetcd --config-file <path>',
    '    Read flags from a YAML file (keys are flag names); other flags and environment are then ignored.',
    '',
    'Every flag can also be set through the environment: --my-flag is ETCD_MY_FLAG. A flag beats the environment.',
  ];
  for (const group of FLAG_GROUPS) {
    lines.push('', `${group}:`);
    for (const s of FLAGS.filter((x) => x.group === group)) {
      lines.push(`  --${s.name} '${s.def}'`, `    ${s.help}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
