// Converts raft's plain objects (raft-types.ts) to and from protobuf bytes (gen/raftpb.js).
// Terms and indexes must stay below 2^53; a larger value on the wire is rejected, not rounded.
import { longToSafe, longToU64, u64ToLong } from './long.ts';
import { raftpb } from './gen/raftpb.js';
import type {
  ConfChange,
  ConfChangeType,
  ConfState,
  Entry,
  EntryType,
  HardState,
  Message,
  MessageType,
  Snapshot,
} from './raft-types.ts';
import { varintLen, writeVarint } from './varint.ts';

// Re-exported so existing importers of raft-codec keep working; long.ts is the home.
export { longToSafe, longToU64, u64ToLong } from './long.ts';

function toEntryPb(e: Entry): raftpb.IEntry {
  return { Term: e.term, Index: e.index, Type: e.type, Data: e.data };
}
function fromEntryPb(e: raftpb.IEntry): Entry {
  return {
    term: longToSafe(e.Term, 'entry term'),
    index: longToSafe(e.Index, 'entry index'),
    type: (e.Type ?? 0) as EntryType,
    data: e.Data ?? new Uint8Array(0),
  };
}
function toConfStatePb(c: ConfState): raftpb.IConfState {
  return { voters: c.voters.map(u64ToLong), learners: c.learners.map(u64ToLong) };
}
function fromConfStatePb(c: raftpb.IConfState | null | undefined): ConfState {
  return {
    voters: (c?.voters ?? []).map(longToU64),
    learners: (c?.learners ?? []).map(longToU64),
  };
}
function toSnapshotPb(s: Snapshot): raftpb.ISnapshot {
  return {
    data: s.data,
    metadata: {
      confState: toConfStatePb(s.metadata.confState),
      index: s.metadata.index,
      term: s.metadata.term,
    },
  };
}
function fromSnapshotPb(s: raftpb.ISnapshot): Snapshot {
  return {
    data: s.data ?? new Uint8Array(0),
    metadata: {
      confState: fromConfStatePb(s.metadata?.confState),
      index: longToSafe(s.metadata?.index, 'snapshot index'),
      term: longToSafe(s.metadata?.term, 'snapshot term'),
    },
  };
}

const isVarintNumber = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * Every proposal's entry is encoded once for the WAL (and for each follower's MsgApp): written by hand, the
 * bytes protobufjs writes (Type, Term, Index, Data in field order, zeros left out); anything unusual (a
 * negative type, an unsafe number) goes through protobufjs. raft-codec.test.ts compares the two.
 */
export function encodeEntry(e: Entry): Uint8Array {
  const { type, term, index, data } = e;
  if (!isVarintNumber(type) || !isVarintNumber(term) || !isVarintNumber(index)) {
    return raftpb.Entry.encode(toEntryPb(e)).finish();
  }
  const dlen = data.byteLength;
  let size = 0;
  if (type !== 0) size += 1 + varintLen(type);
  if (term !== 0) size += 1 + varintLen(term);
  if (index !== 0) size += 1 + varintLen(index);
  if (dlen > 0) size += 1 + varintLen(dlen) + dlen;
  const buf = new Uint8Array(size);
  let p = 0;
  if (type !== 0) {
    buf[p++] = 0x08;
    p = writeVarint(buf, p, type);
  }
  if (term !== 0) {
    buf[p++] = 0x10;
    p = writeVarint(buf, p, term);
  }
  if (index !== 0) {
    buf[p++] = 0x18;
    p = writeVarint(buf, p, index);
  }
  if (dlen > 0) {
    buf[p++] = 0x22;
    p = writeVarint(buf, p, dlen);
    buf.set(data, p);
  }
  return buf;
}
export function decodeEntry(b: Uint8Array): Entry {
  return fromEntryPb(raftpb.Entry.decode(b));
}

export function encodeHardState(h: HardState): Uint8Array {
  return raftpb.HardState.encode({ term: h.term, vote: u64ToLong(h.vote), commit: h.commit }).finish();
}
export function decodeHardState(b: Uint8Array): HardState {
  const h = raftpb.HardState.decode(b);
  return {
    term: longToSafe(h.term, 'term'),
    vote: longToU64(h.vote),
    commit: longToSafe(h.commit, 'commit'),
  };
}

export function encodeSnapshot(s: Snapshot): Uint8Array {
  return raftpb.Snapshot.encode(toSnapshotPb(s)).finish();
}
export function decodeSnapshot(b: Uint8Array): Snapshot {
  return fromSnapshotPb(raftpb.Snapshot.decode(b));
}

export function encodeConfState(c: ConfState): Uint8Array {
  return raftpb.ConfState.encode(toConfStatePb(c)).finish();
}
export function decodeConfState(b: Uint8Array): ConfState {
  return fromConfStatePb(raftpb.ConfState.decode(b));
}

export function encodeConfChange(c: ConfChange): Uint8Array {
  return raftpb.ConfChange.encode({
    ID: u64ToLong(c.id),
    Type: c.type,
    NodeID: u64ToLong(c.nodeId),
    Context: c.context,
  }).finish();
}
export function decodeConfChange(b: Uint8Array): ConfChange {
  const c = raftpb.ConfChange.decode(b);
  return {
    id: longToU64(c.ID),
    type: (c.Type ?? 0) as ConfChangeType,
    nodeId: longToU64(c.NodeID),
    context: c.Context ?? new Uint8Array(0),
  };
}

export function encodeMessage(m: Message): Uint8Array {
  return raftpb.Message.encode({
    type: m.type,
    to: u64ToLong(m.to),
    from: u64ToLong(m.from),
    term: m.term,
    logTerm: m.logTerm,
    index: m.index,
    entries: m.entries.map(toEntryPb),
    commit: m.commit,
    snapshot: m.snapshot ? toSnapshotPb(m.snapshot) : null,
    reject: m.reject,
    rejectHint: m.rejectHint,
    context: m.context ?? null,
  }).finish();
}
export function decodeMessage(b: Uint8Array): Message {
  const m = raftpb.Message.decode(b);
  return {
    type: (m.type ?? 0) as MessageType,
    to: longToU64(m.to),
    from: longToU64(m.from),
    term: longToSafe(m.term, 'term'),
    logTerm: longToSafe(m.logTerm, 'logTerm'),
    index: longToSafe(m.index, 'index'),
    entries: (m.entries ?? []).map(fromEntryPb),
    commit: longToSafe(m.commit, 'commit'),
    snapshot: m.snapshot ? fromSnapshotPb(m.snapshot) : undefined,
    reject: m.reject ?? false,
    rejectHint: longToSafe(m.rejectHint, 'rejectHint'),
    context: m.context && m.context.length > 0 ? m.context : undefined,
  };
}
