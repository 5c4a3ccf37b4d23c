// A whole tsetcd member in one call: the EtcdServer plus its client listeners (gRPC, JSON gateway,
// /health, /version, /metrics on every client URL, and /metrics + /health on --listen-metrics-urls).
// Used by the `tsetcd` command, and by applications that want an etcd inside their own tests:
//
//   import { startMember } from 'tsetcd';
//   const m = await startMember({ tempDataDir: true, clientPort: 0 });
//   // m.clientUrls[0] → 'http://127.0.0.1:40123'; point any etcd client at it
//   await m.close();
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildConfig, type ServerConfig } from '../server/config.ts';
import { parseArgs } from '../server/flags.ts';
import { CLUSTER_VERSION, ETCD_API_VERSION, EtcdServer, type Logger } from '../server/etcd-server.ts';
import { startFront, type Front } from '../http/server.ts';
import { healthHandler, metricsHandler, versionHandler, type HttpRoute } from '../http/endpoints.ts';
import { v3Handlers } from '../v3rpc/services.ts';
import { MemberMetrics } from './metrics.ts';
import { selfSignedCert } from '../server/auto-tls.ts';

export interface StartMemberOptions {
  /** A full config (as from loadConfig); otherwise built from `args` (etcd flags) and the fields below. */
  config?: ServerConfig;
  /** etcd-style flags, e.g. ['--name', 'm1', '--data-dir', '/tmp/x']. */
  args?: string[];
  /** Put the data in a fresh temporary directory, removed by close(). */
  tempDataDir?: boolean;
  /** Listen for clients on 127.0.0.1 at this port (0 = any free port). Overrides the client URL flags. */
  clientPort?: number;
  /** A pino-compatible logger; default: JSON lines on stderr at --log-level. Pass `false` for silence. */
  logger?: Logger | false;
}

export interface Member {
  server: EtcdServer;
  /** Client URLs actually bound (ports resolved). */
  clientUrls: string[];
  metrics: MemberMetrics;
  /** Graceful stop: stop accepting, finish in-flight calls, sync the WAL, close the backend. */
  close(): Promise<void>;
}

export function makeLogger(cfg: ServerConfig): Logger {
  return pino(
    {
      level: cfg.logLevel === 'panic' ? 'fatal' : cfg.logLevel,
      messageKey: 'msg',
      timestamp: () => `,"ts":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      base: { name: cfg.name },
    },
    pino.destination({ fd: 2, sync: false }),
  ) as unknown as Logger;
}

export async function startMember(opts: StartMemberOptions = {}): Promise<Member> {
  let tempDir: string | undefined;
  let cfg = opts.config;
  if (!cfg) {
    const args = [...(opts.args ?? [])];
    if (opts.tempDataDir) {
      tempDir = mkdtempSync(join(tmpdir(), 'tsetcd-'));
      args.push('--data-dir', tempDir);
    }
    if (opts.clientPort !== undefined) {
      const u = `http://127.0.0.1:${opts.clientPort}`;
      args.push('--listen-client-urls', u, '--advertise-client-urls', u);
      // An embedded single member needs no fixed peer port; any free one will do.
      if (!args.some((a) => a.replace(/^--?/, '').startsWith('listen-peer-urls'))) {
        args.push('--listen-peer-urls', 'http://127.0.0.1:0');
      }
    }
    cfg = buildConfig(parseArgs(args, {}));
  }
  const log: Logger =
    opts.logger === false
      ? { debug() {}, info() {}, warn() {}, error() {} }
      : (opts.logger ?? makeLogger(cfg));

  const metrics = new MemberMetrics();
  const server = await EtcdServer.start(cfg, log, metrics.serverHooks());
  metrics.attach(server);

  const health = async () => {
    const problem = server.healthProblem();
    if (problem) return { health: false, reason: problem };
    // etcd's /health also proves a quorum read works.
    try {
      await Promise.race([
        server.linearizableReadNotify(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 1000).unref()),
      ]);
      return { health: true };
    } catch (e) {
      return { health: false, reason: `QGET ERROR ${(e as Error).message}` };
    }
  };
  const routes = new Map<string, HttpRoute>([
    ['/health', healthHandler(health, (reason) => log.warn({ reason }, '/health error'))],
    ['/version', versionHandler({ etcdserver: ETCD_API_VERSION, etcdcluster: CLUSTER_VERSION })],
    ['/metrics', metricsHandler(metrics.registry)],
  ]);
  const handlers = metrics.instrument(
    v3Handlers(server, {
      progressNotifyIntervalMs: cfg.watchProgressNotifyIntervalMs || 600_000,
      maxRequestBytes: cfg.maxRequestBytes,
    }),
  );
  let tls: { cert: Buffer; key: Buffer; ca?: Buffer; clientCertAuth: boolean } | undefined;
  if (cfg.client.certFile && cfg.client.keyFile) {
    tls = {
      cert: readFileSync(cfg.client.certFile),
      key: readFileSync(cfg.client.keyFile),
      ...(cfg.client.trustedCaFile ? { ca: readFileSync(cfg.client.trustedCaFile) } : {}),
      clientCertAuth: cfg.client.clientCertAuth,
    };
  } else if (cfg.client.autoTls && cfg.listenClientUrls.some((u) => u.protocol === 'https:')) {
    const hosts = [...cfg.listenClientUrls, ...cfg.advertiseClientUrls].map((u) => u.hostname);
    const pair = await selfSignedCert(join(cfg.dataDir, 'fixtures', 'client'), hosts);
    if (cfg.client.clientCertAuth)
      log.warn({}, 'ignoring --client-cert-auth with --auto-tls: there is no CA to verify clients');
    tls = { cert: pair.cert, key: pair.key, clientCertAuth: false };
    log.info(
      { cert: pair.certFile },
      'serving clients with an automatically generated self-signed certificate',
    );
  }
  const fronts: Front[] = [];
  // Clients are served once this member's attributes are published (etcd's ReadyNotify); the client URLs to
  // publish are only known once the listeners are bound, hence the deferred.
  let setReady!: () => void;
  let failReady!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    setReady = res;
    failReady = rej;
  });
  ready.catch(() => {});
  try {
    fronts.push(
      await startFront({
        listen: cfg.listenClientUrls,
        handlers,
        ready,
        httpRoutes: routes,
        maxRequestBytes: cfg.maxRequestBytes,
        logger: log as never,
        ...(tls ? { tls } : {}),
      }),
    );
    if (cfg.listenMetricsUrls.length > 0) {
      fronts.push(
        await startFront({
          listen: cfg.listenMetricsUrls,
          handlers: new Map(),
          gateway: false,
          httpRoutes: new Map([
            ['/health', routes.get('/health')!],
            ['/metrics', routes.get('/metrics')!],
          ]),
          logger: log as never,
        }),
      );
    }
  } catch (e) {
    for (const f of fronts) await f.close().catch(() => {});
    await server.stop();
    throw e;
  }
  const clientUrls = fronts[0]!.addresses.map((u) => u.href.replace(/\/$/, ''));
  const attributes = {
    name: cfg.name,
    clientURLs:
      opts.clientPort !== undefined
        ? clientUrls
        : cfg.advertiseClientUrls.map((u) => u.href.replace(/\/$/, '')),
  };
  publish(server, attributes, log).then(
    () => {
      setReady();
      log.info({ 'client-urls': clientUrls }, 'ready to serve client requests');
    },
    (e) => failReady(e),
  );
  log.info({ 'client-urls': clientUrls }, 'listening for client traffic');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const f of fronts) await f.close().catch(() => {});
      await server.stop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    })());
  return { server, clientUrls, metrics, close };
}

/**
 * Publishes this member's name and client URLs through raft, as etcd 3.4 does on every start: a replicated v2
 * PUT of /0/members/<id>/attributes. Like etcd it tries again after each failure (no leader yet, a proposal
 * lost to a leader change, a timeout) until it succeeds or the server stops.
 */
export async function publish(
  server: EtcdServer,
  attributes: { name: string; clientURLs: string[] },
  log: Logger,
): Promise<void> {
  const req = {
    v2: {
      Method: 'PUT',
      Path: `/0/members/${server.id.toString(16)}/attributes`,
      Val: JSON.stringify(attributes),
    },
  };
  for (;;) {
    const began = performance.now();
    try {
      await server.propose(req, { internal: true });
      log.info({ 'client-urls': attributes.clientURLs }, 'published local member to cluster through raft');
      return;
    } catch (e) {
      if (server.isStopped) {
        log.warn({}, 'stopped publish because server is stopped');
        throw e;
      }
      log.warn({ err: String(e) }, 'failed to publish local member to cluster through raft');
      // A failure that came at once (rather than at the request timeout) is not retried in a busy loop.
      const waited = performance.now() - began;
      if (waited < 100) await new Promise((r) => setTimeout(r, 100 - waited));
    }
  }
}
