// The contract between the transport and the member that owns it (the server's raft driver).
import type { Readable } from 'node:stream';
import type { Message } from '../api/raft-types.ts';

/** Structured logger with pino's call shape (fields first, then the message). */
export interface TransportLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: TransportLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Peer TLS (etcd's --peer-cert-file, --peer-key-file, --peer-trusted-ca-file, --peer-client-cert-auth).
 * The same certificate serves both sides: it is presented by the listener and, as a client certificate,
 * when this member dials a peer over https.
 */
export interface PeerTlsOptions {
  cert?: string | Buffer | undefined;
  key?: string | Buffer | undefined;
  /** Trusted CA bundle; without it the system's roots are used. */
  ca?: string | Buffer | undefined;
  /** Refuse peers that do not present a certificate signed by `ca`. */
  clientCertAuth?: boolean | undefined;
  /** Do not verify the peers' certificates (--peer-auto-tls, as etcd does there). */
  insecureSkipVerify?: boolean | undefined;
}

export interface VersionInfo {
  etcdserver: string;
  etcdcluster: string;
}

export interface TransportOptions {
  memberId: bigint;
  clusterId: bigint;
  /** Where to listen (http: or https:); port 0 picks a free one (see start()). */
  listenUrls: URL[];
  tls?: PeerTlsOptions | undefined;
  /**
   * A raft message from a peer. Called on the event loop, never from inside send(); the owner steps it
   * into its RawNode (or queues it for its driver loop).
   */
  onMessage(m: Message): void;
  /**
   * A snapshot arrived: `m` is the MsgSnap (metadata plus whatever small data it carries inline),
   * `data` the bulk payload that followed it (empty when the sender had none). Save `data`, then resolve;
   * only after that does the transport hand `m` to onMessage (etcd saves the database file before raft
   * sees the MsgSnap). Rejecting, or not reading `data` to the end before a truncated upload is
   * detected, fails the transfer and the sender reports it. Default: drain `data` and ignore it.
   */
  onSnapshot?(m: Message, data: Readable): Promise<void>;
  /** Raft should stop pipelining to `id` (RawNode.reportUnreachable). Always called asynchronously. */
  reportUnreachable(id: bigint): void;
  /** Outcome of a MsgSnap sent to `id` (RawNode.reportSnapshot); exactly once per MsgSnap, asynchronously. */
  reportSnapshot(id: bigint, failed: boolean): void;
  /** A peer answered that this member was removed from the cluster (etcd then stops the member). */
  onRemovedFromCluster?(byPeer: bigint): void;
  /**
   * A unary POST from a known member on one of `requestPaths` (etcd's /leases and /leases/internal:
   * lease calls only the leader can answer). The answer's status and body go back as they are; a
   * rejection answers 500 with the error's message. Checked like raft traffic (cluster, sender, target).
   */
  onRequest?(path: string, body: Buffer, from: bigint): Promise<PeerReply>;
  /** Paths handed to onRequest. */
  requestPaths?: readonly string[];
  /** Body of GET /members on the peer port (any JSON value). */
  members?(): unknown;
  /** Body of GET /version on the peer port. Default: tsetcd's etcd versions. */
  version?(): VersionInfo;
  logger?: TransportLogger | undefined;
  limits?: Partial<TransportLimits>;
}

/** The answer to a unary peer request. */
export interface PeerReply {
  status: number;
  body: Uint8Array;
}

/** Tunables; the defaults suit a LAN cluster. Tests shrink them. */
export interface TransportLimits {
  /** Messages waiting per peer before new ones are dropped (etcd's stream buffer holds 4096). */
  maxQueuedMessages: number;
  /** Encoded bytes waiting per peer before new messages are dropped. */
  maxQueuedBytes: number;
  /** Bytes handed to one stream write; bigger batches only when a single message is bigger. */
  maxBatchBytes: number;
  /** Largest raft message accepted on the message stream. */
  maxMessageBytes: number;
  /** First reconnect delay; it doubles per failure up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** A dial that has not connected by then is abandoned. */
  dialTimeoutMs: number;
  /** Interval of HTTP/2 PINGs on outgoing sessions; a ping unanswered for readTimeoutMs kills the session. */
  pingIntervalMs: number;
  /** A session (either side) silent this long is considered dead (etcd: ConnReadTimeout, 5 s). */
  readTimeoutMs: number;
  /** A snapshot upload that makes no progress this long fails. */
  snapshotIdleTimeoutMs: number;
  /** After the upload, how long the receiver may take to save the data and confirm. */
  snapshotSaveTimeoutMs: number;
  /** HTTP/2 flow-control window per stream and per session, receive side. */
  windowBytes: number;
}

export const defaultLimits: TransportLimits = {
  maxQueuedMessages: 4096,
  maxQueuedBytes: 64 * 1024 * 1024,
  maxBatchBytes: 1024 * 1024,
  maxMessageBytes: 256 * 1024 * 1024,
  minBackoffMs: 100,
  maxBackoffMs: 2000,
  dialTimeoutMs: 3000,
  pingIntervalMs: 1000,
  readTimeoutMs: 5000,
  snapshotIdleTimeoutMs: 30_000,
  snapshotSaveTimeoutMs: 5 * 60_000,
  windowBytes: 4 * 1024 * 1024,
};

/** What one peer link has done so far (for metrics, health and tests). */
export interface PeerStats {
  /** Messages accepted by send() and written to the stream. */
  sentMessages: number;
  sentBytes: number;
  /** Messages dropped: queue full, peer down, or lost with a broken stream's unsent buffer. */
  droppedMessages: number;
  queuedMessages: number;
  queuedBytes: number;
  /** Bytes written to the stream but not yet taken by HTTP/2 (flow control, slow socket). */
  bufferedBytes: number;
  receivedMessages: number;
  receivedBytes: number;
}
