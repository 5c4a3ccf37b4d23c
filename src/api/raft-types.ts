// Plain TypeScript shapes of raft's messages (see proto/raftpb.proto for the wire form and
// raft-codec.ts for the conversion). Raft works on these objects only; they go through the codec
// when they touch a disk or a socket.
//
// Conventions: node (member) IDs are random 64-bit values → bigint; terms and indexes grow by one →
// number (safe below 2^53, checked by the codec). 0n is "no node"; index 0 / term 0 mean "none".

export const EntryType = {
  Normal: 0,
  ConfChange: 1,
} as const;
export type EntryType = (typeof EntryType)[keyof typeof EntryType];

export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  data: Uint8Array;
}

export const MessageType = {
  MsgHup: 0,
  MsgBeat: 1,
  MsgProp: 2,
  MsgApp: 3,
  MsgAppResp: 4,
  MsgVote: 5,
  MsgVoteResp: 6,
  MsgSnap: 7,
  MsgHeartbeat: 8,
  MsgHeartbeatResp: 9,
  MsgUnreachable: 10,
  MsgSnapStatus: 11,
  MsgCheckQuorum: 12,
  MsgTransferLeader: 13,
  MsgTimeoutNow: 14,
  MsgReadIndex: 15,
  MsgReadIndexResp: 16,
  MsgPreVote: 17,
  MsgPreVoteResp: 18,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const messageTypeName: Record<number, string> = Object.fromEntries(
  Object.entries(MessageType).map(([k, v]) => [v, k]),
);

export interface ConfState {
  voters: bigint[];
  learners: bigint[];
}

export interface SnapshotMetadata {
  confState: ConfState;
  index: number;
  term: number;
}

export interface Snapshot {
  data: Uint8Array;
  metadata: SnapshotMetadata;
}

export interface Message {
  type: MessageType;
  to: bigint;
  from: bigint;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  snapshot?: Snapshot | undefined;
  reject: boolean;
  rejectHint: number;
  /** Opaque bytes: the ReadIndex request context, or the campaign type of a forced election. */
  context?: Uint8Array | undefined;
}

export interface HardState {
  term: number;
  vote: bigint;
  commit: number;
}

export const ConfChangeType = {
  AddNode: 0,
  RemoveNode: 1,
  UpdateNode: 2,
  AddLearnerNode: 3,
} as const;
export type ConfChangeType = (typeof ConfChangeType)[keyof typeof ConfChangeType];

export interface ConfChange {
  id: bigint;
  type: ConfChangeType;
  nodeId: bigint;
  /** Opaque to raft: the server puts the member's attributes (peer URLs) here. */
  context: Uint8Array;
}

export const emptyHardState: Readonly<HardState> = Object.freeze({ term: 0, vote: 0n, commit: 0 });

export function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0 && hs.vote === 0n && hs.commit === 0;
}

export function isEmptySnapshot(s: Snapshot | undefined): boolean {
  return s === undefined || s.metadata.index === 0;
}
