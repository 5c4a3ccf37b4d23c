// The peer transport (see transport.ts).
export { Transport } from './transport.ts';
export type { SnapshotData } from './peer.ts';
export { PeerUnavailableError, SnapshotRefusedError } from './peer.ts';
export { defaultLimits } from './types.ts';
export type {
  PeerReply,
  PeerStats,
  PeerTlsOptions,
  TransportLimits,
  TransportLogger,
  TransportOptions,
  VersionInfo,
} from './types.ts';
