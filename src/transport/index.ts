// The peer transport (see transport.ts).
export { Transport } from './transport.ts';
export type { SnapshotData } from './peer.ts';
export { SnapshotRefusedError } from './peer.ts';
export { defaultLimits } from './types.ts';
export type {
  PeerStats,
  PeerTlsOptions,
  TransportLimits,
  TransportLogger,
  TransportOptions,
  VersionInfo,
} from './types.ts';
