// The slice of src/raft the simulation drives, written against the contract in src/raft/types.ts.
// The simulator receives the module as a value so it can run against the real RawNode and the
// checkers can be exercised without one.
import { MemoryStorage, RawNode } from '../../src/raft/index.ts';
import type { ConfChange } from '../../src/api/raft-types.ts';
import type { Config, ConfState, Entry, HardState, Message, Ready, Snapshot, Status, Storage } from '../../src/raft/types.ts';

export interface RawNodeLike {
  bootstrap(peers: bigint[]): void;
  tick(): void;
  campaign(): void;
  propose(data: Uint8Array): void;
  proposeConfChange(cc: ConfChange): void;
  applyConfChange(cc: ConfChange): ConfState;
  step(m: Message): void;
  readIndex(ctx: Uint8Array): void;
  transferLeader(id: bigint): void;
  reportUnreachable(id: bigint): void;
  reportSnapshot(id: bigint, failed: boolean): void;
  hasReady(): boolean;
  ready(): Ready;
  advance(rd: Ready): void;
  status(): Status;
}

export interface MemoryStorageLike extends Storage {
  append(entries: Entry[]): void;
  setHardState(hs: HardState): void;
  applySnapshot(snap: Snapshot): void;
  createSnapshot(index: number, confState: ConfState, data: Uint8Array): Snapshot;
  compact(index: number): void;
}

export interface RaftModule {
  RawNode: new (config: Config) => RawNodeLike;
  MemoryStorage: new () => MemoryStorageLike;
}

/** The real raft package, checked against the slice above at compile time. */
export const realRaft: RaftModule = { RawNode, MemoryStorage };
