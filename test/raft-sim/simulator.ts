// The deterministic raft simulation. One run: N bootstrapped members, then `steps` discrete steps,
// each one event drawn from the seed (tick a member, deliver a message, a client write or read, a
// crash or restart, a partition or heal, a membership change, a leader transfer, a forced
// campaign), with every safety check run as events happen. Then all faults heal and the cluster must
// elect a leader and commit a new proposal on every member within 50 election timeouts.
import { ConfChangeType, MessageType, messageTypeName } from '../../src/api/raft-types.ts';
import type { ConfChange, ConfState, Entry, Message } from '../../src/api/raft-types.ts';
import { ErrProposalDropped } from '../../src/raft/types.ts';
import type { ReadState, Snapshot } from '../../src/raft/types.ts';
import { SafetyChecker, SafetyViolation } from './checker.ts';
import { Member, cloneConfState } from './member.ts';
import type { MemberConfig, MemberHost } from './member.ts';
import { drawVariant, replayCommand } from './options.ts';
import type { EventWeights, PartitionKind, SimOptions, Variant } from './options.ts';
import { Prng } from './prng.ts';
import type { RaftModule } from './raft-api.ts';

export interface SimStats {
  steps: number;
  ticks: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  proposals: number;
  proposalsDropped: number;
  reads: number;
  readsAnswered: number;
  crashes: number;
  restarts: number;
  partitions: Record<PartitionKind, number>;
  heals: number;
  confChangesProposed: number;
  confChangesApplied: number;
  learnersAdded: number;
  promotions: number;
  removals: number;
  snapshotsSent: number;
  snapshotsInstalled: number;
  transfers: number;
  campaigns: number;
  leaderTerms: number;
  maxCommitted: number;
  /** Ticks per member the liveness phase needed (undefined when skipped or failed). */
  livenessTicks?: number;
}

export interface SimResult {
  ok: boolean;
  options: SimOptions;
  variant: Variant;
  /** The safety (or liveness) property that broke. */
  violation?: SafetyViolation;
  /** Anything else that was thrown (raft threw, or the harness did). */
  error?: unknown;
  stats: SimStats;
  replay: string;
}


interface InFlight {
  m: Message;
  at: number;
  seq: number;
}

const hexId = (id: bigint): string => id.toString(16);

/** Member IDs look like etcd's: spread over the whole uint64 range, never 0. */
export function memberId(k: number): bigint {
  return ((BigInt(k) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn) | 1n;
}

function describe(m: Message): string {
  const t = messageTypeName[m.type] ?? String(m.type);
  let s = `${t} ${hexId(m.from)}->${hexId(m.to)} t${m.term}`;
  if (m.type === MessageType.MsgApp || m.type === MessageType.MsgVote || m.type === MessageType.MsgPreVote)
    s += ` li${m.index} lt${m.logTerm}`;
  if (m.entries.length) s += ` ents[${m.entries[0]!.index}..${m.entries[m.entries.length - 1]!.index}]`;
  if (m.commit) s += ` c${m.commit}`;
  if (m.reject) s += ` reject(hint ${m.rejectHint})`;
  if (m.snapshot) s += ` snap@${m.snapshot.metadata.index}`;
  return s;
}

function u64Bytes(tag: number, n: number): Uint8Array {
  const b = new Uint8Array(8);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag);
  v.setUint32(2, n);
  return b;
}
const readCtx = (readId: number): Uint8Array => u64Bytes(0x7264, readId);
function readIdOf(ctx: Uint8Array): number | undefined {
  if (ctx.length !== 8) return undefined;
  const v = new DataView(ctx.buffer, ctx.byteOffset, ctx.byteLength);
  return v.getUint16(0) === 0x7264 ? v.getUint32(2) : undefined;
}
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export class Simulation implements MemberHost {
  readonly checker: SafetyChecker;
  readonly bootstrapEntries: number;
  readonly variant: Variant;
  readonly stats: SimStats;
  readonly trace: ((line: string) => void) | undefined;
  private readonly rng: Prng;
  private readonly members = new Map<bigint, Member>();
  private readonly memberCfg: MemberConfig;
  private queue: InFlight[] = [];
  private seq = 0;
  private now = 0;
  private blocked = new Set<string>();
  private readonly eventNames: (keyof EventWeights)[];
  private readonly cumulative: number[];
  private nextMemberNo: number;
  private confChangeId = 0;
  private proposalNo = 0;
  private readNo = 0;
  /** The newest applied configuration (all members agree on it at that index). */
  private globalConf: ConfState = { voters: [], learners: [] };
  private globalConfIndex = 0;
  private pendingConf: { at: number; target?: bigint } | undefined;
  /** A member created for an AddLearner that never got applied: reused by the next one. */
  private spareMember: Member | undefined;
  private readonly toStop = new Set<Member>();
  private livenessMarker: Uint8Array | undefined;
  /** Index at which the liveness marker was first applied (0 until then). */
  private markerIndex = 0;
  private inLiveness = false;

  constructor(
    private readonly raft: RaftModule,
    readonly options: SimOptions,
  ) {
    this.variant = drawVariant(options);
    this.bootstrapEntries = options.nodes;
    this.rng = new Prng(options.seed);
    this.trace = options.trace;
    this.checker = new SafetyChecker({
      disabled: options.disabledChecks ?? [],
      where: () => `step ${this.now}${this.inLiveness ? ' (liveness phase)' : ''}`,
    });
    const v = this.variant;
    this.memberCfg = {
      electionTick: v.electionTick,
      heartbeatTick: v.heartbeatTick,
      preVote: v.preVote,
      checkQuorum: v.checkQuorum,
      maxSizePerMsg: v.maxSizePerMsg,
      maxInflightMsgs: v.maxInflightMsgs,
      maxUncommittedEntriesSize: v.maxUncommittedEntriesSize,
      disableProposalForwarding: v.disableProposalForwarding,
      snapshotEvery: v.snapshotEvery,
      compactLag: v.compactLag,
      deferReady: v.deferReady,
      ...(options.bug ? { testingBugs: { [options.bug]: true } } : {}),
    };
    this.eventNames = Object.keys(v.weights) as (keyof EventWeights)[];
    let sum = 0;
    this.cumulative = this.eventNames.map((k) => (sum += v.weights[k]));
    this.nextMemberNo = options.nodes + 1;
    this.stats = {
      steps: 0,
      ticks: 0,
      delivered: 0,
      dropped: 0,
      duplicated: 0,
      delayed: 0,
      proposals: 0,
      proposalsDropped: 0,
      reads: 0,
      readsAnswered: 0,
      crashes: 0,
      restarts: 0,
      partitions: { minority: 0, split: 0, leader: 0, oneway: 0 },
      heals: 0,
      confChangesProposed: 0,
      confChangesApplied: 0,
      learnersAdded: 0,
      promotions: 0,
      removals: 0,
      snapshotsSent: 0,
      snapshotsInstalled: 0,
      transfers: 0,
      campaigns: 0,
      leaderTerms: 0,
      maxCommitted: 0,
    };
  }

  run(): SimResult {
    const opts = this.options;
    const result = (extra: Partial<SimResult>): SimResult => {
      this.stats.leaderTerms = this.checker.leaderByTerm.size;
      this.stats.maxCommitted = this.checker.maxCommitted;
      return {
        ok: extra.violation === undefined && extra.error === undefined,
        options: opts,
        variant: this.variant,
        stats: this.stats,
        replay: replayCommand(opts),
        ...extra,
      };
    };
    try {
      const ids = Array.from({ length: opts.nodes }, (_, k) => memberId(k + 1));
      const initial = ids.map((id) => this.addMember(id));
      for (const m of initial) m.start(ids);
      for (this.now = 1; this.now <= opts.steps; this.now++) {
        this.stats.steps++;
        this.randomEvent();
        this.stopRemoved();
      }
      if (!opts.noLiveness) this.livenessPhase();
      return result({});
    } catch (e) {
      if (e instanceof SafetyViolation) return result({ violation: e });
      return result({ error: e });
    }
  }

  // ---- MemberHost ----

  send(m: Message): void {
    const v = this.variant;
    if (!this.inLiveness && this.rng.chance(v.dropRate)) {
      this.stats.dropped++;
      this.lost(m);
      return;
    }
    this.enqueue(m);
    if (!this.inLiveness && this.rng.chance(v.dupRate)) {
      this.stats.duplicated++;
      this.enqueue(m);
    }
  }

  onApplied(member: Member, e: Entry): void {
    if (this.livenessMarker && this.markerIndex === 0 && sameBytes(e.data, this.livenessMarker))
      this.markerIndex = e.index;
  }

  onConfApplied(_member: Member, index: number, cc: ConfChange, cs: ConfState): void {
    if (index <= this.globalConfIndex) return;
    this.globalConfIndex = index;
    this.globalConf = cloneConfState(cs);
    this.pendingConf = undefined;
    this.stats.confChangesApplied++;
    if (cc.type === ConfChangeType.AddLearnerNode) this.stats.learnersAdded++;
    if (cc.type === ConfChangeType.AddNode && index > this.options.nodes) this.stats.promotions++;
    if (cc.type === ConfChangeType.RemoveNode) this.stats.removals++;
    this.trace?.(`conf change ${cc.type} of ${hexId(cc.nodeId)} applied at ${index}: voters ${cs.voters.map(hexId)} learners ${cs.learners.map(hexId)}`);
    const inConf = new Set([...cs.voters, ...cs.learners]);
    for (const m of this.members.values()) {
      if (inConf.has(m.id)) {
        m.joined = true;
        if (this.spareMember === m) this.spareMember = undefined;
      } else if (m.joined && !m.removed) this.toStop.add(m);
    }
  }

  onReadState(member: Member, rs: ReadState): void {
    const readId = readIdOf(rs.requestCtx);
    if (readId === undefined) return;
    this.stats.readsAnswered++;
    this.checker.readAnswered(readId, member.id, rs.index, member.isLeader ? member.term : undefined);
  }

  onSnapshotInstalled(member: Member, snap: Snapshot): void {
    this.stats.snapshotsInstalled++;
    this.trace?.(`member ${hexId(member.id)} installed snapshot at ${snap.metadata.index}`);
  }

  // ---- network ----

  private enqueue(m: Message): void {
    const v = this.variant;
    let at = this.now;
    if (!this.inLiveness && this.rng.chance(v.delayRate)) {
      this.stats.delayed++;
      at += this.rng.range(1, v.maxDelay);
    }
    this.queue.push({ m, at, seq: this.seq++ });
  }

  /** A message that will never arrive: tell the sender what a transport would tell it. */
  private lost(m: Message): void {
    const sender = this.members.get(m.from);
    if (!sender?.alive) return;
    if (m.type === MessageType.MsgSnap) sender.with((n) => n.reportSnapshot(m.to, true));
    else if (sender.isLeader && this.rng.chance(0.1)) sender.with((n) => n.reportUnreachable(m.to));
  }

  private deliver(f: InFlight): void {
    const m = f.m;
    const to = this.members.get(m.to);
    if (!to?.alive || this.blocked.has(`${m.from}>${m.to}`)) {
      this.stats.dropped++;
      this.lost(m);
      return;
    }
    this.stats.delivered++;
    this.trace?.(`deliver ${describe(m)}`);
    to.step(m);
    if (m.type === MessageType.MsgSnap) {
      this.stats.snapshotsSent++;
      const sender = this.members.get(m.from);
      if (sender?.alive) sender.with((n) => n.reportSnapshot(m.to, false));
    }
  }

  /** Delivers one due message: a random one when reordering, else the oldest. */
  private deliverOne(): boolean {
    let best = -1;
    let due = 0;
    for (let i = 0; i < this.queue.length; i++) {
      const f = this.queue[i]!;
      if (f.at > this.now) continue;
      due++;
      if (this.variant.reorder) {
        // Reservoir sampling: uniform among due messages in one pass.
        if (this.rng.intn(due) === 0) best = i;
      } else if (best < 0 || f.seq < this.queue[best]!.seq) best = i;
    }
    if (best < 0) return false;
    const f = this.queue[best]!;
    this.queue[best] = this.queue[this.queue.length - 1]!;
    this.queue.pop();
    this.deliver(f);
    return true;
  }

  // ---- members ----

  private addMember(id: bigint): Member {
    const m = new Member(id, this.raft, this.memberCfg, this, this.rng.fork());
    this.members.set(id, m);
    return m;
  }

  private alive(): Member[] {
    return [...this.members.values()].filter((m) => m.alive);
  }

  /** The member that believes it leads in the highest term, if any. */
  private leader(): Member | undefined {
    let best: Member | undefined;
    for (const m of this.members.values()) if (m.isLeader && (!best || m.term > best.term)) best = m;
    return best;
  }

  /**
   * A client's target: usually a member that believes it leads (a deposed leader cut off from its
   * successor included, as a real client could still reach it), otherwise anyone alive.
   */
  private clientTarget(leaderBias: number): Member | undefined {
    const alive = this.alive();
    const leaders = alive.filter((m) => m.isLeader);
    if (leaders.length > 0 && this.rng.chance(leaderBias)) return this.rng.pick(leaders);
    return alive.length > 0 ? this.rng.pick(alive) : undefined;
  }

  private crash(m: Member): void {
    this.trace?.(`crash ${hexId(m.id)}`);
    m.crash();
    // Connections die with the process: whatever was in flight to or from it is gone.
    const keep: InFlight[] = [];
    const lost: Message[] = [];
    for (const f of this.queue) {
      if (f.m.to === m.id || f.m.from === m.id) lost.push(f.m);
      else keep.push(f);
    }
    this.queue = keep;
    this.stats.dropped += lost.length;
    for (const msg of lost) if (msg.from !== m.id) this.lost(msg);
  }

  private stopRemoved(): void {
    if (this.toStop.size === 0) return;
    for (const m of this.toStop) {
      this.trace?.(`member ${hexId(m.id)} is out of the configuration: shut down`);
      m.removed = true;
      if (m.alive) this.crash(m);
    }
    this.toStop.clear();
  }

  // ---- events ----

  private randomEvent(): void {
    const total = this.cumulative[this.cumulative.length - 1]!;
    const x = this.rng.float() * total;
    let k = 0;
    while (this.cumulative[k]! <= x) k++;
    switch (this.eventNames[k]) {
      case 'tick':
        return this.tickOne();
      case 'deliver':
        if (!this.deliverOne()) this.tickOne();
        return;
      case 'propose':
        return this.propose();
      case 'read':
        return this.read();
      case 'crash':
        return this.crashOne();
      case 'restart':
        return this.restartOne();
      case 'partition':
        return this.partition();
      case 'heal':
        if (this.blocked.size > 0) {
          this.stats.heals++;
          this.trace?.('heal');
        }
        this.blocked.clear();
        return;
      case 'confChange':
        return this.confChange();
      case 'transferLeader':
        return this.transferLeader();
      case 'campaign':
        return this.campaign();
    }
  }

  private tickOne(): void {
    const alive = this.alive();
    if (alive.length === 0) return;
    this.stats.ticks++;
    this.rng.pick(alive).tick();
  }

  private propose(target = this.clientTarget(0.7), data?: Uint8Array): void {
    if (!target) return;
    const payload = data ?? u64Bytes(0x7072, ++this.proposalNo);
    this.stats.proposals++;
    target.with((n) => {
      try {
        n.propose(payload);
      } catch (e) {
        if (!isProposalDropped(e)) throw e;
        this.stats.proposalsDropped++;
      }
    });
  }

  private read(): void {
    const target = this.clientTarget(0.5);
    if (!target) return;
    const readId = ++this.readNo;
    this.stats.reads++;
    this.checker.readStarted(readId, target.id);
    target.with((n) => n.readIndex(readCtx(readId)));
  }

  private crashOne(): void {
    const alive = this.alive();
    const crashed = [...this.members.values()].filter((m) => !m.alive && !m.removed).length;
    if (alive.length === 0 || crashed + 1 > Math.ceil(this.options.nodes / 2)) return;
    this.stats.crashes++;
    this.crash(this.rng.pick(alive));
  }

  private restartOne(): void {
    const down = [...this.members.values()].filter((m) => !m.alive && !m.removed);
    if (down.length === 0) return;
    const m = this.rng.pick(down);
    this.stats.restarts++;
    this.trace?.(`restart ${hexId(m.id)}`);
    m.start();
  }

  private partition(): void {
    const ids = [...this.members.values()].filter((m) => !m.removed).map((m) => m.id);
    if (ids.length < 2) return;
    const kind = this.weighted(this.variant.partitionWeights);
    const blocked = new Set<string>();
    const cut = (a: bigint, b: bigint): void => {
      blocked.add(`${a}>${b}`);
      blocked.add(`${b}>${a}`);
    };
    const isolate = (group: Set<bigint>): void => {
      for (const a of group) for (const b of ids) if (!group.has(b)) cut(a, b);
    };
    switch (kind) {
      case 'minority': {
        const size = this.rng.range(1, Math.max(1, Math.floor(ids.length / 2)));
        isolate(new Set(this.shuffle(ids).slice(0, size)));
        break;
      }
      case 'split': {
        const groups = this.rng.range(2, 3);
        const of = new Map(ids.map((id) => [id, this.rng.intn(groups)]));
        for (const a of ids) for (const b of ids) if (of.get(a) !== of.get(b)) blocked.add(`${a}>${b}`);
        break;
      }
      case 'leader': {
        const l = this.leader();
        isolate(new Set([l ? l.id : this.rng.pick(ids)]));
        break;
      }
      case 'oneway': {
        // One member can only send (or only receive): the asymmetric faults that confuse leases.
        const x = this.rng.pick(ids);
        const outgoing = this.rng.chance(0.5);
        for (const b of ids) if (b !== x) blocked.add(outgoing ? `${x}>${b}` : `${b}>${x}`);
        break;
      }
    }
    this.stats.partitions[kind]++;
    this.trace?.(`partition ${kind}: ${[...blocked].length} one-way links cut`);
    this.blocked = blocked;
  }

  private confChange(): void {
    if (this.pendingConf && this.now - this.pendingConf.at < 300) return;
    const { voters, learners } = this.globalConf;
    let cc: ConfChange;
    let fresh: Member | undefined;
    if (learners.length > 0) {
      cc = { id: 0n, type: ConfChangeType.AddNode, nodeId: this.rng.pick(learners), context: new Uint8Array(0) };
    } else if (voters.length > 3 && (voters.length > this.options.nodes || this.rng.chance(0.5))) {
      cc = { id: 0n, type: ConfChangeType.RemoveNode, nodeId: this.rng.pick(voters), context: new Uint8Array(0) };
    } else {
      fresh = this.spareMember ?? this.addMember(memberId(this.nextMemberNo++));
      if (!fresh.alive && !fresh.removed) fresh.start();
      this.spareMember = fresh;
      cc = { id: 0n, type: ConfChangeType.AddLearnerNode, nodeId: fresh.id, context: new Uint8Array(0) };
    }
    cc.id = BigInt(++this.confChangeId);
    const target = this.clientTarget(0.8);
    if (!target) return;
    this.pendingConf = { at: this.now, target: cc.nodeId };
    this.stats.confChangesProposed++;
    this.trace?.(`propose conf change ${cc.type} of ${hexId(cc.nodeId)} via ${hexId(target.id)}`);
    target.with((n) => {
      try {
        n.proposeConfChange(cc);
      } catch (e) {
        if (!isProposalDropped(e)) throw e;
        this.pendingConf = undefined;
      }
    });
  }

  private transferLeader(): void {
    const l = this.leader();
    if (!l) return;
    const others = l.confState.voters.filter((id) => id !== l.id && this.members.get(id)?.alive);
    if (others.length === 0) return;
    const to = this.rng.pick(others);
    this.stats.transfers++;
    this.trace?.(`transfer leadership ${hexId(l.id)} -> ${hexId(to)}`);
    l.with((n) => n.transferLeader(to));
  }

  private campaign(): void {
    const voters = this.alive().filter((m) => m.confState.voters.includes(m.id));
    if (voters.length === 0) return;
    const m = this.rng.pick(voters);
    this.stats.campaigns++;
    this.trace?.(`campaign ${hexId(m.id)}`);
    m.with((n) => n.campaign());
  }

  private weighted<K extends string>(weights: Record<K, number>): K {
    const keys = Object.keys(weights) as K[];
    let x = this.rng.float() * keys.reduce((sum, k) => sum + weights[k], 0);
    for (const k of keys) if ((x -= weights[k]) < 0) return k;
    return keys[keys.length - 1]!;
  }

  private shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.rng.intn(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }

  // ---- liveness ----

  /**
   * Heal everything, restart every member still in the configuration, and run a stable network:
   * every member ticks once per round and every message is delivered in order. A leader must emerge
   * and a fresh proposal must be applied by every member of the configuration.
   */
  private livenessPhase(): void {
    this.inLiveness = true;
    this.blocked.clear();
    for (const m of this.members.values()) {
      m.deferReady = 0;
      m.drain();
    }
    for (const m of this.members.values()) if (!m.alive && !m.removed && (m.joined || m === this.spareMember)) m.start();
    this.stopRemoved();
    for (const f of this.queue) f.at = this.now;
    this.livenessMarker = u64Bytes(0x6c76, this.options.seed >>> 0);
    this.markerIndex = 0;
    const budget = 50 * this.variant.electionTick;
    let lastProposal = -Infinity;
    for (let round = 1; round <= budget; round++) {
      this.now++;
      for (const m of this.alive()) {
        this.stats.ticks++;
        m.tick();
      }
      this.stopRemoved();
      for (let n = 0; n < 100_000 && this.queue.length > 0; n++) {
        // Oldest first: a stable network keeps per-link order.
        const f = this.queue.shift()!;
        this.deliver(f);
        this.stopRemoved();
      }
      const l = this.leader();
      if (l && this.markerIndex === 0 && round - lastProposal >= this.variant.electionTick) {
        lastProposal = round;
        this.propose(l, this.livenessMarker);
      }
      // Applied directly or through a snapshot: either way the member's state includes it.
      const members = [...this.globalConf.voters, ...this.globalConf.learners].map((id) => this.members.get(id));
      if (this.markerIndex > 0 && members.every((m) => m?.alive && m.applied >= this.markerIndex)) {
        this.stats.livenessTicks = round;
        this.checker.finalChecks();
        return;
      }
    }
    const lines = [...this.members.values()]
      .filter((m) => !m.removed)
      .map((m) => {
        const hs = m.storage.initialState().hardState;
        return `${hexId(m.id)}:${m.alive ? m.state : 'down'} t${hs.term} c${hs.commit} a${m.applied} last${m.storage.lastIndex()}`;
      });
    this.checker.reportLiveness(
      `no leader committed a new proposal on every member within ${budget} ticks after healing ` +
        `(marker ${this.markerIndex ? `at index ${this.markerIndex}` : 'never applied'}; ${lines.join(', ')})`,
    );
  }
}

function isProposalDropped(e: unknown): boolean {
  return e === ErrProposalDropped || (e instanceof Error && e.message === ErrProposalDropped.message);
}

export function runSimulation(raft: RaftModule, options: SimOptions): SimResult {
  return new Simulation(raft, options).run();
}
