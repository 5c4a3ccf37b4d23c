// Some requests only the leader can answer (it alone counts lease time down and knows how far a learner
// got). A follower that receives them passes them to the leader's client URL over gRPC, as etcd passes
// them over its peer port, and relays the answer.
import * as grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import type { etcdserverpb } from '../api/gen/etcd.js';
import { methodByPath } from '../api/grpc-services.ts';
import { EtcdError, ETCD_ERRORS, etcdErrorByMessage } from '../api/errors.ts';
import type { TlsFiles } from './config.ts';

const KEEPALIVE = methodByPath('/etcdserverpb.Lease/LeaseKeepAlive');
const TIME_TO_LIVE = methodByPath('/etcdserverpb.Lease/LeaseTimeToLive');
const PROMOTE = methodByPath('/etcdserverpb.Cluster/MemberPromote');

export class LeaderForwarder {
  private readonly clients = new Map<string, grpc.Client>();

  constructor(private readonly tls: TlsFiles) {}

  private client(url: string): grpc.Client {
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

  /** One keepalive through the leader: the lease's new TTL (0 when unknown). */
  renew(
    urls: readonly string[],
    id: etcdserverpb.ILeaseKeepAliveRequest,
    timeoutMs: number,
  ): Promise<number> {
    const url = urls[0];
    if (!url) return Promise.reject(EtcdError.of('NoLeader'));
    return new Promise((resolve, reject) => {
      const call = this.client(url).makeBidiStreamRequest(
        KEEPALIVE.path,
        (m: etcdserverpb.ILeaseKeepAliveRequest) => Buffer.from(KEEPALIVE.request.encode(m).finish()),
        (b: Buffer) => KEEPALIVE.response.decode(b),
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
      );
      let done = false;
      call.on('data', (res: etcdserverpb.LeaseKeepAliveResponse) => {
        done = true;
        resolve(Number(res.TTL));
        call.end();
        call.cancel();
      });
      call.on('error', (e: grpc.ServiceError) => {
        if (!done) reject(fromGrpc(e));
      });
      call.write(id);
    });
  }

  timeToLive(
    urls: readonly string[],
    req: etcdserverpb.ILeaseTimeToLiveRequest,
    timeoutMs: number,
  ): Promise<etcdserverpb.LeaseTimeToLiveResponse> {
    const url = urls[0];
    if (!url) return Promise.reject(EtcdError.of('NoLeader'));
    return new Promise((resolve, reject) => {
      this.client(url).makeUnaryRequest(
        TIME_TO_LIVE.path,
        (m: etcdserverpb.ILeaseTimeToLiveRequest) => Buffer.from(TIME_TO_LIVE.request.encode(m).finish()),
        (b: Buffer) => TIME_TO_LIVE.response.decode(b),
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (err, res) => (err ? reject(fromGrpc(err)) : resolve(res!)),
      );
    });
  }

  /** MemberPromote on the leader, which alone can tell whether the learner has caught up. */
  promote(
    urls: readonly string[],
    req: etcdserverpb.IMemberPromoteRequest,
    timeoutMs: number,
  ): Promise<etcdserverpb.MemberPromoteResponse> {
    const url = urls[0];
    if (!url) return Promise.reject(EtcdError.of('NoLeader'));
    return new Promise((resolve, reject) => {
      this.client(url).makeUnaryRequest(
        PROMOTE.path,
        (m: etcdserverpb.IMemberPromoteRequest) => Buffer.from(PROMOTE.request.encode(m).finish()),
        (b: Buffer) => PROMOTE.response.decode(b),
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (err, res) => (err ? reject(fromGrpc(err)) : resolve(res!)),
      );
    });
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

function fromGrpc(e: grpc.ServiceError): EtcdError {
  const name = etcdErrorByMessage(e.details);
  if (name) return new EtcdError(ETCD_ERRORS[name].code, e.details);
  // The leader could not be reached: to the client that is "leader changed / no leader", retryable.
  if (e.code === grpc.status.UNAVAILABLE || e.code === grpc.status.DEADLINE_EXCEEDED)
    return EtcdError.of('LeaderChanged');
  return new EtcdError(e.code, e.details);
}
