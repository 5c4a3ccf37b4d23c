// Replays one simulated run and prints what happened.
// npx tsx test/raft-sim/replay.ts --seed 1234 --nodes 5 --steps 3000 [--bug NAME] [--profile NAME]
//   [--prevote on|off] [--check-quorum on|off] [--disable check,...] [--no-liveness] [--trace]
import { parseArgs } from 'node:util';
import type { CheckName } from './checker.ts';
import { bugNames, profiles } from './options.ts';
import type { BugName, ProfileName, SimOptions } from './options.ts';
import { realRaft } from './raft-api.ts';
import { runSimulation } from './simulator.ts';
import type { SimResult } from './simulator.ts';

const onOff = (v: string | undefined, flag: string): boolean | undefined => {
  if (v === undefined) return undefined;
  if (v !== 'on' && v !== 'off') throw new Error(`${flag} takes on or off`);
  return v === 'on';
};

/** Parses the options shared by replay.ts and soak.ts. */
export function parseSimArgs(argv: string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      nodes: { type: 'string', default: '3' },
      steps: { type: 'string', default: '3000' },
      bug: { type: 'string' },
      profile: { type: 'string' },
      prevote: { type: 'string' },
      'check-quorum': { type: 'string' },
      disable: { type: 'string' },
      'no-liveness': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      ...extra,
    },
    strict: true,
  });
  const bug = values.bug as string | undefined;
  if (bug !== undefined && !bugNames.includes(bug as BugName)) throw new Error(`unknown bug ${bug}`);
  const profile = values.profile as string | undefined;
  if (profile !== undefined && !(profile in profiles)) throw new Error(`unknown profile ${profile}`);
  const base: SimOptions = {
    seed: Number(values.seed),
    nodes: Number(values.nodes === 'mix' ? 3 : values.nodes),
    steps: Number(values.steps),
  };
  if (bug) base.bug = bug as BugName;
  if (profile) base.profile = profile as ProfileName;
  const pv = onOff(values.prevote as string | undefined, '--prevote');
  if (pv !== undefined) base.preVote = pv;
  const cq = onOff(values['check-quorum'] as string | undefined, '--check-quorum');
  if (cq !== undefined) base.checkQuorum = cq;
  if (values.disable) base.disabledChecks = (values.disable as string).split(',') as CheckName[];
  if (values['no-liveness']) base.noLiveness = true;
  return { base, values: values as Record<string, string | boolean | undefined> };
}

export function formatResult(r: SimResult): string {
  const head = r.ok ? 'ok' : 'FAIL';
  const what = r.violation
    ? r.violation.message
    : r.error
      ? `raft or harness threw: ${r.error instanceof Error ? (r.error.stack ?? r.error.message) : String(r.error)}`
      : '';
  return `${head} seed ${r.options.seed} nodes ${r.options.nodes}${what ? `: ${what}` : ''}\n  replay: ${r.replay}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { base, values } = parseSimArgs(process.argv.slice(2));
  if (values.trace) base.trace = (line) => console.log(line);
  const r = runSimulation(realRaft, base);
  console.log(formatResult(r));
  console.log('variant', JSON.stringify(r.variant));
  console.log('stats', JSON.stringify(r.stats));
  process.exit(r.ok ? 0 : 1);
}
