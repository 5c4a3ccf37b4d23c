// MemberPromote only the leader can answer (it alone knows how far a learner got). A follower that
// receives it passes it to the leader's client URL over gRPC and relays the answer. (Lease keepalive and
// TimeToLive go to the leader over the peer link instead: EtcdServer.leaseViaLeader.)
// @grpc/grpc-js loads on the first forwarded call: a leader, or a member that is never asked, does without it.
import type * as Grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import type { etcdserverpb } from '../api/gen/etcd.js';
import { methodByPath } from '../api/grpc-services.ts';
import { EtcdError, ETCD_ERRORS, etcdErrorByMessage } from '../api/errors.ts';
import type { TlsFiles } from './config.ts';

const PROMOTE = methodByPath('/etcdserverpb.Cluster/MemberPromote');

export class LeaderForwarder {
  private readonly clients = new Map<string, Grpc.Client>();
  private closed = false;

  constructor(private readonly tls: TlsFiles) {}

  /** Calls `f` with grpc-js and the client for `url`; fails like a stopped server once closed. */
  private withClient<T>(url: string, f: (grpc: typeof Grpc, client: Grpc.Client) => Promise<T>): Promise<T> {
    return loadGrpc().then((grpc) => {
      if (this.closed) throw EtcdError.of('Stopped');
      return f(grpc, this.client(grpc, url));
    });
  }

  private client(grpc: typeof Grpc, url: string): Grpc.Client {
    let c = this.clients.get(url);
    if (!c) {
      const u = new URL(url);
      const creds =
        u.protocol === 'https:'
          ? grpc.credentials.createSsl(
              this.tls.trustedCaFile ? readFileSync(this.tls.trustedCaFile) : null,
              this.tls.keyFile ? readFileSync(this.tls.keyFile) : null,
              this.tls.certFile ? readFileSync(this.tls.certFile) : null,
            )
          : grpc.credentials.createInsecure();
      c = new grpc.Client(u.host, creds);
      this.clients.set(url, c);
    }
    return c;
  }

  /** MemberPromote on the leader, which alone can tell whether the learner has caught up. */
  promote(
    urls: readonly string[],
    req: etcdserverpb.IMemberPromoteRequest,
    timeoutMs: number,
  ): Promise<etcdserverpb.MemberPromoteResponse> {
    const url = urls[0];
    if (!url) return Promise.reject(EtcdError.of('NoLeader'));
    const deadline = Date.now() + timeoutMs;
    return this.withClient(
      url,
      (grpc, client) =>
        new Promise<etcdserverpb.MemberPromoteResponse>((resolve, reject) => {
          client.makeUnaryRequest(
            PROMOTE.path,
            (m: etcdserverpb.IMemberPromoteRequest) => Buffer.from(PROMOTE.request.encode(m).finish()),
            (b: Buffer) => PROMOTE.response.decode(b),
            req,
            new grpc.Metadata(),
            { deadline },
            (err, res) => (err ? reject(fromGrpc(err)) : resolve(res!)),
          );
        }),
    );
  }

  close(): void {
    this.closed = true;
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

let grpcModule: Promise<typeof Grpc> | undefined;
const loadGrpc = (): Promise<typeof Grpc> => (grpcModule ??= import('@grpc/grpc-js'));

// grpc status codes (grpc.status) without loading grpc-js to name them
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

function fromGrpc(e: Grpc.ServiceError): EtcdError {
  const name = etcdErrorByMessage(e.details);
  if (name) return new EtcdError(ETCD_ERRORS[name].code, e.details);
  // The leader could not be reached: to the client that is "leader changed / no leader", retryable.
  if (e.code === UNAVAILABLE || e.code === DEADLINE_EXCEEDED) return EtcdError.of('LeaderChanged');
  return new EtcdError(e.code, e.details);
}
