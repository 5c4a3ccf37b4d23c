#!/bin/sh
//usr/bin/env true; exec node ${TSETCD_NODE_FLAGS---min-semi-space-size=16 --v8-pool-size=1} "$0" "$@"
// tsetcd: runs the compiled dist/ when it is up to date with src/, else the TypeScript sources through tsx
// (bin/dist.mjs has the rule; TSETCD_RUN=src|dist forces one).
import { setFlagsFromString } from 'node:v8';
import { launch } from './dist.mjs';

// V8 optimizes a function only once it has run a while: by default about 200 KB of its bytecode executed
// (an interrupt budget of 66 KiB, spent 3 times). A freshly started member therefore serves its first
// seconds of writes and watch events from unoptimized code; on a loaded 2-core machine a 3-member
// cluster's watch throughput over its first 5 s was 30k events/s with the defaults and 45-51k with these
// (docs/PERFORMANCE.md). Set before any server module loads; either flag given to node on the command line
// wins over ours.
for (const [flag, value] of [
  ['interrupt-budget', '16384'],
  ['ticks-before-optimization', '1'],
]) {
  const given = process.execArgv.some((a) => a.replace(/_/g, '-').startsWith(`--${flag}`));
  if (!given) setFlagsFromString(`--${flag}=${value}`);
}

await launch('cmd/tsetcd.js', 'src/cmd/tsetcd.ts');
