// Shared pieces of the transport tests: transports on port 0 that record what they see, and a
// condition wait (never a timed assertion: the deadline only turns a hang into a failure).
import { createServer as createNetServer, connect as netConnect } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { MessageType } from '../../src/api/raft-types.ts';
import type { Message } from '../../src/api/raft-types.ts';
import { Transport } from '../../src/transport/index.ts';
import type {
  PeerTlsOptions,
  TransportLimits,
  TransportLogger,
  TransportOptions,
} from '../../src/transport/index.ts';

export interface LogLine {
  level: string;
  msg: string;
  fields: object;
}

export class Recorder {
  readonly messages: Message[] = [];
  readonly unreachable: bigint[] = [];
  readonly snapshotReports: Array<{ id: bigint; failed: boolean }> = [];
  readonly removedBy: bigint[] = [];
  readonly logs: LogLine[] = [];
  readonly logger: TransportLogger = {
    debug: (fields, msg) => this.logs.push({ level: 'debug', msg, fields }),
    info: (fields, msg) => this.logs.push({ level: 'info', msg, fields }),
    warn: (fields, msg) => this.logs.push({ level: 'warn', msg, fields }),
    error: (fields, msg) => this.logs.push({ level: 'error', msg, fields }),
  };

  hasLog(level: string, fragment: string): boolean {
    return this.logs.some((l) => l.level === level && l.msg.includes(fragment));
  }
}

/** Small timings so reconnect tests run quickly. */
export const fastLimits: Partial<TransportLimits> = {
  minBackoffMs: 20,
  maxBackoffMs: 200,
  dialTimeoutMs: 1000,
  pingIntervalMs: 200,
  readTimeoutMs: 2000,
};

export interface Node {
  id: bigint;
  transport: Transport;
  rec: Recorder;
  url: string;
}

export async function startNode(
  id: bigint,
  clusterId: bigint,
  extra: Partial<TransportOptions> & { port?: number; scheme?: 'http' | 'https'; tls?: PeerTlsOptions } = {},
): Promise<Node> {
  const rec = new Recorder();
  const scheme = extra.scheme ?? 'http';
  const transport = new Transport({
    memberId: id,
    clusterId,
    listenUrls: [new URL(`${scheme}://127.0.0.1:${extra.port ?? 0}`)],
    onMessage: (m) => rec.messages.push(m),
    reportUnreachable: (p) => rec.unreachable.push(p),
    reportSnapshot: (p, failed) => rec.snapshotReports.push({ id: p, failed }),
    onRemovedFromCluster: (by) => rec.removedBy.push(by),
    logger: rec.logger,
    ...extra,
    limits: { ...fastLimits, ...extra.limits },
  });
  const [addr] = await transport.start();
  return { id, transport, rec, url: addr!.origin };
}

/** Makes every node a peer of every other. */
export function mesh(nodes: readonly Node[]): void {
  for (const a of nodes) for (const b of nodes) if (a !== b) a.transport.addPeer(b.id, [b.url]);
}

export async function waitFor(what: string, cond: () => boolean, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A MsgApp that carries `seq` in its index and an optional payload entry. */
export function app(from: bigint, to: bigint, seq: number, payload?: Uint8Array): Message {
  return {
    type: MessageType.MsgApp,
    to,
    from,
    term: 1,
    logTerm: 1,
    index: seq,
    entries: payload === undefined ? [] : [{ term: 1, index: seq + 1, type: 0, data: payload }],
    commit: 0,
    reject: false,
    rejectHint: 0,
  };
}

export function snapMsg(from: bigint, to: bigint, index: number, inline = new Uint8Array(0)): Message {
  return {
    ...app(from, to, 0),
    type: MessageType.MsgSnap,
    snapshot: { data: inline, metadata: { index, term: 1, confState: { voters: [from, to], learners: [] } } },
  };
}

export async function readAll(data: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of data) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** A TCP proxy that can freeze: bytes stop flowing both ways but no connection is closed (a partition). */
export class FreezableProxy {
  private frozen = false;
  private readonly server: NetServer;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = createNetServer((client) => {
      const upstream = netConnect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.once('close', () => this.sockets.delete(s));
      }
      const relay = (from: Socket, to: Socket): void => {
        from.on('data', (chunk: Buffer) => {
          if (!this.frozen) to.write(chunk);
        });
        // A frozen proxy is a black hole: not even a close crosses it, so only unanswered pings can
        // tell either end that the path is gone.
        from.once('close', () => {
          if (!this.frozen) to.destroy();
        });
      };
      relay(client, upstream);
      relay(upstream, client);
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  freeze(): void {
    this.frozen = true;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server.close(r));
  }
}
