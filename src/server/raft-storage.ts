// Opens a member's raft state from disk: the newest usable snapshot, the WAL from that snapshot on,
// and a MemoryStorage holding both (the in-memory log raft reads; the WAL is its durable twin).
import { MemoryStorage } from '../raft/index.ts';
import type { HardState, Snapshot } from '../api/raft-types.ts';
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
