// Test helper (not exported by index.ts): a few RawNodes over MemoryStorage wired by an in-memory
// network that delivers every message until the cluster is quiet. Used by the unit tests and the bench.
import { decodeConfChange } from '../api/raft-codec.ts';
import { EntryType } from '../api/raft-types.ts';
import type { ConfState, Entry, Message } from '../api/raft-types.ts';
import { MemoryStorage } from './memory-storage.ts';
import { RawNode } from './raw-node.ts';
import type { Config, RandomSource, ReadState } from './types.ts';

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return {
    intn(n: number): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) % n) >>> 0;
    },
  };
}

export interface Member {
  id: bigint;
  node: RawNode;
  storage: MemoryStorage;
  /** Normal entries applied, in order (empty leader entries skipped). */
  applied: Entry[];
  appliedIndex: number;
  confState: ConfState;
  readStates: ReadState[];
}

export type Filter = (m: Message) => boolean;

export class Network {
  readonly members = new Map<bigint, Member>();
  private queue: Message[] = [];
  /** Returns false to drop a message. */
  filter: Filter | undefined;
  readonly cut = new Set<string>();
  /** Every message sent, for assertions. */
  readonly sent: Message[] = [];
  recordSent = false;
  /** Apply conf change entries automatically (default true). */
  autoApplyConfChanges = true;

  constructor(
    ids: bigint[],
    readonly cfg: Partial<Config> = {},
    bootstrap = true,
    private seed = 1,
  ) {
    for (const id of ids) this.addMember(id, bootstrap ? ids : undefined);
  }

  config(id: bigint, storage: MemoryStorage, applied = 0): Config {
    return {
      id,
      electionTick: 10,
      heartbeatTick: 1,
      storage,
      random: seededRandom(this.seed++ * 7919 + Number(id)),
      maxSizePerMsg: 1024 * 1024,
      maxInflightMsgs: 256,
      applied,
      ...this.cfg,
    };
  }

  addMember(id: bigint, peers?: bigint[], storage = new MemoryStorage(), extra: Partial<Config> = {}): Member {
    const node = new RawNode({ ...this.config(id, storage), ...extra });
    if (peers !== undefined) node.bootstrap(peers);
    const m: Member = {
      id,
      node,
      storage,
      applied: [],
      appliedIndex: 0,
      confState: { voters: [], learners: [] },
      readStates: [],
    };
    this.members.set(id, m);
    return m;
  }

  /** Restarts a member from its storage (crash: unpersisted state is lost). */
  restart(id: bigint, extra: Partial<Config> = {}): Member {
    const old = this.members.get(id)!;
    const node = new RawNode({ ...this.config(id, old.storage, old.appliedIndex), ...extra });
    const m: Member = { ...old, node };
    this.members.set(id, m);
    return m;
  }

  get(id: bigint): Member {
    const m = this.members.get(id);
    if (m === undefined) throw new Error(`no member ${id}`);
    return m;
  }

  node(id: bigint): RawNode {
    return this.get(id).node;
  }

  isolate(id: bigint): void {
    for (const other of this.members.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}>${other}`);
      this.cut.add(`${other}>${id}`);
    }
  }

  partition(a: bigint[], b: bigint[]): void {
    for (const x of a) {
      for (const y of b) {
        this.cut.add(`${x}>${y}`);
        this.cut.add(`${y}>${x}`);
      }
    }
  }

  heal(): void {
    this.cut.clear();
  }

  /** Handles one Ready of a member in the documented order. Returns whether there was one. */
  processReady(id: bigint): boolean {
    const mem = this.members.get(id);
    if (mem === undefined || !mem.node.hasReady()) return false;
    const rd = mem.node.ready();
    // 1. persist
    if (rd.snapshot !== undefined) mem.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) mem.storage.append(rd.entries);
    if (rd.hardState !== undefined) mem.storage.setHardState(rd.hardState);
    // 2. send
    for (const m of rd.messages) {
      if (this.recordSent) this.sent.push(m);
      this.queue.push(m);
    }
    // 3. apply
    if (rd.snapshot !== undefined) {
      mem.appliedIndex = rd.snapshot.metadata.index;
      mem.confState = rd.snapshot.metadata.confState;
    }
    for (const e of rd.committedEntries) {
      if (e.type === EntryType.ConfChange && this.autoApplyConfChanges) {
        mem.confState = mem.node.applyConfChange(decodeConfChange(e.data));
        // The application persists its membership with its applied index: a restart with
        // Config.applied past a conf change must find that change in initialState().confState.
        mem.storage.setConfState(mem.confState);
      } else if (e.data.length > 0) {
        mem.applied.push(e);
      }
      mem.appliedIndex = e.index;
    }
    for (const rs of rd.readStates) mem.readStates.push(rs);
    // 4. advance
    mem.node.advance(rd);
    return true;
  }

  /** Delivers one queued message; returns false when the queue is empty. */
  deliverOne(): boolean {
    const m = this.queue.shift();
    if (m === undefined) return false;
    this.deliver(m);
    return true;
  }

  deliver(m: Message): void {
    if (this.cut.has(`${m.from}>${m.to}`)) return;
    if (this.filter !== undefined && !this.filter(m)) return;
    const to = this.members.get(m.to);
    if (to === undefined) return;
    to.node.step(m);
  }

  /** Takes (and removes) the queued messages without delivering them. */
  takeQueued(): Message[] {
    const q = this.queue;
    this.queue = [];
    return q;
  }

  /** Processes Readies and delivers messages until nothing is left to do. */
  settle(maxSteps = 100_000): void {
    for (let step = 0; step < maxSteps; step++) {
      let busy = false;
      for (const id of this.members.keys()) if (this.processReady(id)) busy = true;
      const q = this.takeQueued();
      for (const m of q) this.deliver(m);
      if (!busy && q.length === 0) return;
    }
    throw new Error('network did not settle');
  }

  /** Ticks the given members (all by default) n times, settling after each tick. */
  tick(n = 1, ids: bigint[] = [...this.members.keys()]): void {
    for (let i = 0; i < n; i++) {
      for (const id of ids) this.members.get(id)?.node.tick();
      this.settle();
    }
  }

  /** Campaigns on id and settles. */
  elect(id: bigint): void {
    this.node(id).campaign();
    this.settle();
  }

  leader(): bigint {
    let lead = 0n;
    for (const m of this.members.values()) {
      if (m.node.raft.state === 'leader') {
        if (lead === 0n || m.node.raft.term > this.get(lead).node.raft.term) lead = m.id;
      }
    }
    return lead;
  }
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A storage holding entries with the given terms at indexes 1..n, a configuration and a hard state. */
export function storageWith(
  terms: number[],
  voters: bigint[],
  hs: { term?: number; vote?: bigint; commit?: number } = {},
  learners: bigint[] = [],
): MemoryStorage {
  const s = new MemoryStorage();
  s.append(terms.map((term, i) => ({ term, index: i + 1, type: EntryType.Normal, data: new Uint8Array(0) })));
  s.setConfState({ voters, learners });
  const term = hs.term ?? (terms.length > 0 ? terms[terms.length - 1]! : 0);
  s.setHardState({ term, vote: hs.vote ?? 0n, commit: hs.commit ?? 0 });
  return s;
}

/** A message with defaults for every field. */
export function msg(p: Partial<Message> & Pick<Message, 'type'>): Message {
  return {
    to: 0n,
    from: 0n,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    snapshot: undefined,
    reject: false,
    rejectHint: 0,
    context: undefined,
    ...p,
  };
}

/** Log terms of a member's raft log from index 1 to its last index. */
export function logTerms(node: RawNode): number[] {
  const log = node.raft.raftLog;
  const out: number[] = [];
  for (let i = log.firstIndex(); i <= log.lastIndex(); i++) out.push(log.term(i));
  return out;
}

/** One RawNode over a given storage, outside any network. */
export function soloNode(id: bigint, storage: MemoryStorage, cfg: Partial<Config> = {}): RawNode {
  return new RawNode({
    id,
    electionTick: 10,
    heartbeatTick: 1,
    storage,
    random: seededRandom(Number(id)),
    ...cfg,
  });
}

/** Takes a Ready, persists it into storage, advances, and returns it. */
export function drain(node: RawNode, storage: MemoryStorage): import('./types.ts').Ready {
  const rd = node.ready();
  if (rd.snapshot !== undefined) storage.applySnapshot(rd.snapshot);
  storage.append(rd.entries);
  if (rd.hardState !== undefined) storage.setHardState(rd.hardState);
  node.advance(rd);
  return rd;
}
