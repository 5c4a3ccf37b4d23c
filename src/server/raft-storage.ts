// Opens a member's raft state from disk: the newest usable snapshot, the WAL from that snapshot on,
// and a MemoryStorage holding both (the in-memory log raft reads; the WAL is its durable twin).
import { MemoryStorage } from '../raft/index.ts';
import type { ConfChange, Entry, HardState, Snapshot } from '../api/raft-types.ts';
import { ConfChangeType, EntryType } from '../api/raft-types.ts';
import { decodeConfChange, encodeConfChange } from '../api/raft-codec.ts';
import { WAL, type WalOptions } from '../storage/wal/wal.ts';
import { Snapshotter } from '../storage/snap/snapshotter.ts';
import { SnapshotNotFoundError } from '../storage/snap/errors.ts';

export interface RaftStorage {
  wal: WAL;
  snapshotter: Snapshotter;
  storage: MemoryStorage;
  /** WAL metadata (member and cluster ID) as written at creation. */
  metadata: Uint8Array;
  hardState: HardState;
  snapshot: Snapshot | undefined;
  /** True when the WAL was just created (a brand-new member). */
  fresh: boolean;
  /** Set when a torn WAL tail was cut off on open. */
  repaired?: { file: string; offset: number; reason: string } | undefined;
}

export function openRaftStorage(
  walDir: string,
  snapDir: string,
  newMetadata: () => Uint8Array,
  opts: WalOptions & { onSnapshotWarning?: (msg: string) => void } = {},
): RaftStorage {
  const snapshotter = new Snapshotter(snapDir, {
    onWarning: (w) => opts.onSnapshotWarning?.(`${w.file}: ${w.reason}`),
  });
  const storage = new MemoryStorage();
  if (!WAL.exists(walDir)) {
    const metadata = newMetadata();
    const wal = WAL.create(walDir, metadata, opts);
    return {
      wal,
      snapshotter,
      storage,
      metadata,
      hardState: { term: 0, vote: 0n, commit: 0 },
      snapshot: undefined,
      fresh: true,
    };
  }
  let snapshot: Snapshot | undefined;
  try {
    snapshot = snapshotter.loadNewestAvailable(WAL.readSnapshotMarkers(walDir));
  } catch (e) {
    if (!(e instanceof SnapshotNotFoundError)) throw e;
  }
  const from = snapshot
    ? { index: snapshot.metadata.index, term: snapshot.metadata.term }
    : { index: 0, term: 0 };
  const wal = WAL.open(walDir, from, opts);
  const contents = wal.readAll();
  if (snapshot) storage.applySnapshot(snapshot);
  storage.setHardState(contents.hardState);
  storage.append(contents.entries);
  return {
    wal,
    snapshotter,
    storage,
    metadata: contents.metadata,
    hardState: contents.hardState,
    snapshot,
    fresh: false,
    repaired: contents.repaired,
  };
}

/**
 * --force-new-cluster (etcd's restartAsStandaloneNode): keep only the committed log, then append
 * conf changes that remove every other member (and add this one if needed), committed at once, so
 * the member restarts as a one-member cluster with all of its data. The new entries are written to
 * the WAL before raft sees them.
 */
export function forceNewCluster(rs: RaftStorage, selfId: bigint): { removed: bigint[] } {
  const hs = rs.hardState;
  const first = rs.storage.firstIndex();
  const last = rs.storage.lastIndex();
  const committed =
    hs.commit >= first ? rs.storage.entries(first, Math.min(hs.commit, last) + 1, Infinity) : [];
  // The membership as of the commit index: the snapshot's, then every committed conf change.
  const voters = new Set<bigint>(rs.snapshot?.metadata.confState.voters ?? []);
  const learners = new Set<bigint>(rs.snapshot?.metadata.confState.learners ?? []);
  for (const e of committed) {
    if (e.type !== EntryType.ConfChange) continue;
    const cc = decodeConfChange(e.data);
    if (cc.type === ConfChangeType.AddNode) {
      voters.add(cc.nodeId);
      learners.delete(cc.nodeId);
    } else if (cc.type === ConfChangeType.AddLearnerNode) {
      learners.add(cc.nodeId);
      voters.delete(cc.nodeId);
    } else if (cc.type === ConfChangeType.RemoveNode) {
      voters.delete(cc.nodeId);
      learners.delete(cc.nodeId);
    }
  }
  const removed = [...voters, ...learners].filter((id) => id !== selfId);
  const changes: ConfChange[] = removed.map((nodeId) => ({
    id: 0n,
    type: ConfChangeType.RemoveNode,
    nodeId,
    context: new Uint8Array(0),
  }));
  if (!voters.has(selfId)) {
    changes.push({ id: 0n, type: ConfChangeType.AddNode, nodeId: selfId, context: new Uint8Array(0) });
  }
  let index = Math.max(hs.commit, rs.snapshot?.metadata.index ?? 0);
  const term = Math.max(hs.term, 1);
  const ents: Entry[] = changes.map((cc) => ({
    term,
    index: ++index,
    type: EntryType.ConfChange,
    data: encodeConfChange(cc),
  }));
  const newHs = { term, vote: hs.vote, commit: index };
  rs.wal.save(newHs, ents, true);
  // Drop the uncommitted tail from the in-memory log and put the new entries after the commit.
  rs.storage.append(ents.length > 0 ? ents : []);
  rs.storage.setHardState(newHs);
  rs.hardState = newHs;
  return { removed };
}
