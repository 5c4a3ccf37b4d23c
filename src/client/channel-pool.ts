// One grpc-js channel per endpoint and a "current" endpoint that calls use until it fails. ready() walks the
// endpoints from the current one, waiting at most the dial timeout on each, until one connects or the call's
// deadline passes — the deadline, not the dial timeout, bounds the whole wait (etcdctl 3.4 behaves the same:
// an unreachable cluster fails after --command-timeout with "context deadline exceeded").
import * as grpc from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { deadlineError } from './client-error.ts';
import { parseEndpoint, type Endpoint } from './endpoints.ts';

export interface TlsOptions {
  /** PEM of the CA bundle; default the system roots. */
  ca?: Buffer | string;
  cert?: Buffer | string;
  key?: Buffer | string;
  /** Accept any server certificate (testing only, like etcdctl's --insecure-skip-tls-verify). */
  insecureSkipVerify?: boolean;
}

export interface PoolOptions {
  dialTimeoutMs: number;
  keepAliveTimeMs: number;
  keepAliveTimeoutMs: number;
  tls: TlsOptions | undefined;
}

export interface Conn {
  readonly index: number;
  readonly endpoint: Endpoint;
  readonly client: grpc.Client;
}

const toBuf = (v: Buffer | string | undefined): Buffer | null =>
  v === undefined ? null : Buffer.isBuffer(v) ? v : Buffer.from(v);

export class ChannelPool {
  readonly endpoints: readonly Endpoint[];
  private readonly clients: Array<grpc.Client | undefined>;
  private current = 0;
  private closed = false;

  constructor(
    endpoints: readonly string[],
    private readonly opts: PoolOptions,
  ) {
    if (endpoints.length === 0) throw new Error('no endpoints given');
    this.endpoints = endpoints.map(parseEndpoint);
    this.clients = this.endpoints.map(() => undefined);
  }

  private credentials(ep: Endpoint): grpc.ChannelCredentials {
    const tls = this.opts.tls;
    if (!ep.secure && tls === undefined) return grpc.credentials.createInsecure();
    const verify: grpc.VerifyOptions = {};
    if (tls?.insecureSkipVerify) {
      verify.rejectUnauthorized = false;
      verify.checkServerIdentity = () => undefined;
    }
    return grpc.credentials.createSsl(toBuf(tls?.ca), toBuf(tls?.key), toBuf(tls?.cert), verify);
  }

  conn(index: number): Conn {
    let client = this.clients[index];
    const endpoint = this.endpoints[index]!;
    if (client === undefined) {
      client = new grpc.Client(endpoint.target, this.credentials(endpoint), {
        'grpc.initial_reconnect_backoff_ms': 100,
        'grpc.max_reconnect_backoff_ms': 1000,
        'grpc.keepalive_time_ms': this.opts.keepAliveTimeMs,
        'grpc.keepalive_timeout_ms': this.opts.keepAliveTimeoutMs,
        'grpc.max_receive_message_length': -1,
        'grpc.max_send_message_length': -1,
      });
      this.clients[index] = client;
    }
    return { index, endpoint, client };
  }

  /** Each endpoint once, starting at the current one: for commands that ask every endpoint. */
  all(): Conn[] {
    return this.endpoints.map((_, i) => this.conn(i));
  }

  /** Moves "current" past a failed endpoint (no-op if another call already moved it). */
  markFailed(c: Conn): void {
    if (this.current === c.index) this.current = (c.index + 1) % this.endpoints.length;
  }

  /** A connected endpoint, or a deadline error once `deadline` (ms since epoch) passes. */
  async ready(deadline: number): Promise<Conn> {
    for (let round = 0; ; round++) {
      for (let k = 0; k < this.endpoints.length; k++) {
        if (this.closed) throw new Error('client closed');
        const c = this.conn(this.current);
        const state = c.client.getChannel().getConnectivityState(true);
        if (state === grpc.connectivityState.READY) return c;
        const now = Date.now();
        if (now >= deadline) throw deadlineError();
        const until = Math.min(deadline, now + this.opts.dialTimeoutMs);
        const ok = await new Promise<boolean>((resolve) => c.client.waitForReady(until, (e) => resolve(!e)));
        if (ok) return c;
        this.markFailed(c);
      }
      if (Date.now() >= deadline) throw deadlineError();
      await sleep(Math.min(50 * (round + 1), 500, Math.max(0, deadline - Date.now())));
    }
  }

  close(): void {
    this.closed = true;
    for (const c of this.clients) c?.close();
  }
}
