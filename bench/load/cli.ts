// The load generator on its own, modelled on etcd's `benchmark` tool:
//
//   npx tsx bench/load/cli.ts put --endpoints 127.0.0.1:2379 --clients 100 --conns 10 --duration 10s
//   npx tsx bench/load/cli.ts range --consistency s --prefix --total 100000
//   npx tsx bench/load/cli.ts watch --watchers 100 --streams 10
//
// Prints ops/s and latency percentiles; --json prints the result object instead.
import { Argument, Command, Option } from 'commander';
import { formatResult, parseDuration } from './format.ts';
import { DEFAULT_OPTIONS, SCENARIOS, type LoadOptions, type ScenarioName } from './options.ts';
import { runLoad } from './runner.ts';

const int = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${v}`);
  return n;
};
const d = DEFAULT_OPTIONS;

/** Adds the load flags shared by the CLI and bench:compare (`warmupMs`: that flag's default). */
export function addLoadFlags(cmd: Command, warmupMs = d.warmupMs): Command {
  return cmd
    .option('--clients <n>', 'concurrent clients, one request in flight each', int, d.clients)
    .option('--conns <n>', 'HTTP/2 connections', int, d.conns)
    .option('--workers <n>', 'load generator processes', int, d.workers)
    .option('--key-size <n>', 'key size in bytes', int, d.keySize)
    .option('--val-size <n>', 'value size in bytes', int, d.valSize)
    .option('--key-space-size <n>', 'keys are drawn from this many', int, d.keySpace)
    .option('--watchers <n>', 'watch: watchers', int, d.watchers)
    .option('--streams <n>', 'watch: watch streams', int, d.streams)
    .option('--put-clients <n>', 'watch: concurrent putters', int, d.putClients)
    .option('--put-rate <n>', 'watch-latency: puts per second', int, d.putRate)
    .option('--txn-ops <n>', 'txn-put: puts per txn', int, d.txnOps)
    .option('--rw-ratio <x>', 'txn-mixed: reads per write', Number, d.rwRatio)
    .option('--range-keys <n>', 'range --prefix: keys under the prefix', int, d.rangeKeys)
    .option('--lease-ttl <s>', 'lease scenarios: TTL of granted leases', int, d.leaseTtl)
    .option('--warmup <d>', 'duration runs: unmeasured load first', parseDuration, warmupMs);
}

export interface LoadFlags {
  clients: number;
  conns: number;
  workers: number;
  keySize: number;
  valSize: number;
  keySpaceSize: number;
  watchers: number;
  streams: number;
  putClients: number;
  putRate: number;
  txnOps: number;
  rwRatio: number;
  rangeKeys: number;
  leaseTtl: number;
  warmup: number;
}

export function optionsFromFlags(f: LoadFlags, scenario: ScenarioName, endpoints: string[]): LoadOptions {
  return {
    ...DEFAULT_OPTIONS,
    scenario,
    endpoints,
    clients: f.clients,
    conns: f.conns,
    workers: f.workers,
    keySize: f.keySize,
    valSize: f.valSize,
    keySpace: f.keySpaceSize,
    watchers: f.watchers,
    streams: f.streams,
    putClients: f.putClients,
    putRate: f.putRate,
    txnOps: f.txnOps,
    rwRatio: f.rwRatio,
    rangeKeys: f.rangeKeys,
    leaseTtl: f.leaseTtl,
    warmupMs: f.warmup,
  };
}

async function main(): Promise<void> {
  const program = addLoadFlags(
    new Command('load')
      .description('gRPC load generator for etcd-compatible servers (etcd benchmark style)')
      .addArgument(new Argument('<scenario>', 'what to run').choices([...SCENARIOS]))
      .option('--endpoints <list>', 'comma-separated host:port list', '127.0.0.1:2379')
      .option('--total <n>', 'stop after this many requests (watch: puts)', int)
      .option('--duration <d>', 'run this long when no --total (e.g. 10s)', parseDuration, d.durationMs)
      .option('--sequential-keys', 'put: keys in order instead of random')
      .addOption(
        new Option('--consistency <c>', 'range: l(inearizable) or s(erializable)').choices(['l', 's']),
      )
      .option('--prefix', 'range: read a prefix of --range-keys keys instead of one key')
      .option('--json', 'print the result as JSON'),
  );
  program.parse();
  const f = program.opts<
    LoadFlags & {
      endpoints: string;
      total?: number;
      duration: number;
      sequentialKeys?: boolean;
      consistency?: 'l' | 's';
      prefix?: boolean;
      json?: boolean;
    }
  >();
  const endpoints = f.endpoints.split(',').map((e) => e.trim().replace(/^https?:\/\//, ''));
  const o: LoadOptions = {
    ...optionsFromFlags(f, program.args[0] as ScenarioName, endpoints),
    total: f.total ?? null,
    durationMs: f.duration,
    sequential: f.sequentialKeys === true,
    consistency: f.consistency ?? 'l',
    prefix: f.prefix === true,
  };
  const r = await runLoad(o);
  process.stdout.write(f.json ? `${JSON.stringify(r, null, 2)}\n` : `${formatResult(r)}\n`);
  if (r.errors > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
