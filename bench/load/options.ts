// What one load run does: the scenario and the knobs of etcd's `benchmark` tool, plus what it measured.
import type { LatencySummary } from './histogram.ts';
import { maxKeySpace } from './keys.ts';

export const SCENARIOS = [
  'put',
  'range',
  'txn-put',
  'txn-mixed',
  'watch',
  'watch-latency',
  'lease-keepalive',
  'lease-grant',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface LoadOptions {
  scenario: ScenarioName;
  /** `host:port` of each member's client listener; connections go round-robin over them. */
  endpoints: string[];
  /** Concurrent closed-loop clients, each with one request in flight (etcd benchmark's --clients). */
  clients: number;
  /** HTTP/2 connections shared by the clients (--conns). */
  conns: number;
  /** Load generator processes the clients and connections are spread over. */
  workers: number;
  /** Stop after this many requests (puts for the watch scenarios); null = run for durationMs. */
  total: number | null;
  durationMs: number;
  /** Duration runs: load before the measured window, not counted. */
  warmupMs: number;
  keySize: number;
  valSize: number;
  /** Keys are drawn from [0, keySpace) (--key-space-size). */
  keySpace: number;
  /** Keys in order (wrapping at keySpace) instead of uniformly at random (--sequential-keys). */
  sequential: boolean;
  /** range: l = linearizable, s = serializable (--consistency). */
  consistency: 'l' | 's';
  /** range: read a prefix holding rangeKeys keys instead of one key. */
  prefix: boolean;
  rangeKeys: number;
  /** txn-put: puts per txn (--txn-ops). */
  txnOps: number;
  /** txn-mixed: reads per write (--rw-ratio). */
  rwRatio: number;
  /** watch scenarios: watchers spread over streams (each stream on one connection). */
  watchers: number;
  streams: number;
  /** watch: closed-loop putters feeding the watchers. */
  putClients: number;
  /** watch-latency: puts per second, open loop. */
  putRate: number;
  /** lease scenarios: TTL of granted leases, seconds (long enough not to expire during a run). */
  leaseTtl: number;
}

export const DEFAULT_OPTIONS: Omit<LoadOptions, 'scenario' | 'endpoints'> = {
  clients: 100,
  conns: 10,
  workers: 2,
  total: null,
  durationMs: 5000,
  warmupMs: 1000,
  keySize: 8,
  valSize: 256,
  keySpace: 100_000,
  sequential: false,
  consistency: 'l',
  prefix: false,
  rangeKeys: 10,
  txnOps: 1,
  rwRatio: 1,
  watchers: 100,
  streams: 10,
  putClients: 1,
  putRate: 100,
  leaseTtl: 3600,
};

/** Throws on option combinations the generator cannot honour. */
export function checkOptions(o: LoadOptions): void {
  const positive: (keyof LoadOptions)[] = ['clients', 'conns', 'workers', 'keySize', 'keySpace', 'txnOps'];
  for (const k of positive) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new Error(`${k} must be a positive integer`);
  }
  if (!(SCENARIOS as readonly string[]).includes(o.scenario))
    throw new Error(`unknown scenario ${o.scenario}`);
  if (o.endpoints.length === 0) throw new Error('no endpoints');
  if (o.total !== null && (!Number.isInteger(o.total) || o.total < 1)) throw new Error('total must be >= 1');
  if (o.total === null && o.durationMs <= 0) throw new Error('give a total or a positive duration');
  if (o.keySize < 2) throw new Error('key size must be at least 2');
  if (o.keySpace > maxKeySpace(o.keySize)) {
    throw new Error(`key space ${o.keySpace} needs keys longer than ${o.keySize} bytes`);
  }
  if (o.scenario.startsWith('watch')) {
    if (o.valSize < 8) throw new Error('watch scenarios carry a timestamp in the value: value size >= 8');
    if (o.watchers < 1 || o.streams < 1) throw new Error('watchers and streams must be >= 1');
  }
  if (o.txnOps > 128) throw new Error('txn-ops above etcd’s default --max-txn-ops (128)');
}

export interface LoadResult {
  scenario: ScenarioName;
  /** Short label of the variant, e.g. `range-prefix-s`. */
  label: string;
  /** Completed operations in the measured window (watch scenarios: events delivered). */
  ops: number;
  errors: number;
  errorSamples: string[];
  elapsedS: number;
  opsPerSec: number;
  latency: LatencySummary;
  /** Load generator CPU (user + system) over the window, all workers, and in cores (CPU s / elapsed s). */
  clientCpuS: number;
  clientCores: number;
  workers: number;
  /** Watch scenarios: puts issued by the putter(s) in the window. */
  puts?: number;
}

/** The label used in tables: the scenario plus the variant knobs that change what is measured. */
export function labelOf(o: Pick<LoadOptions, 'scenario' | 'prefix' | 'consistency' | 'sequential'>): string {
  if (o.scenario === 'range') return `range${o.prefix ? '-prefix' : ''}-${o.consistency}`;
  if (o.scenario === 'put' && o.sequential) return 'put-seq';
  return o.scenario;
}
