// Node/V8 flags a tsetcd member is started with. They size V8's heap and its thread pool, which happens once
// when the process starts, so they only work on node's command line (set later through
// v8.setFlagsFromString they do nothing, measured). bin/tsetcd.mjs starts with a two-line sh header that execs
// node with them (`env -S` in a #! line would be neater, but BusyBox's env, as in Alpine images, lacks -S);
// TSETCD_NODE_FLAGS, when set (even empty), replaces them there. package.json's `start` script has them on its
// command line. test/bin/node-flags.test.ts keeps both in step with this list; the bench and the process tests
// start members with it; a member logs its flags at start ("node-flags").
//
// --min-semi-space-size=16: a young generation of 16 MiB from the start, instead of one V8 grows and shrinks
// with the allocation rate. With the default, a lightly loaded member (one put every 10 ms fanned out to 100
// watchers) ran a full mark-compact every 2 s: about 15 ms of marking steps on the event loop, then a 2-6 ms
// pause. With it, none in the same 10 s, and that scenario's p99 went from 5.7-8.5 ms to 4.4-5.0 ms (3 runs
// each). Idle RSS barely moves (84 -> 86 MiB); a loaded member keeps up to ~30 MiB more young objects.
//
// --v8-pool-size=1: one V8 background thread instead of 4 (they run GC helpers and optimizing compiles).
// Bursts of that work took both cores of a small machine from the member's own event loop and from its
// peers': 3 members, one put every 10 ms fanned out to 100 watchers, p99 7.5 / 7.7 / 7.7 / 8.5 / 7.9 ms
// against 9.8 / 13.9 / 7.8 / 9.3 / 12.9 with 4 threads (alternating runs), the CPU per event the same.
// Throughput (put, watch, lease-keepalive, 1 and 3 members) moved within the noise. Measured on 2 cores with
// three members and the load generator on them; on a host of its own with many cores a member gets longer
// scavenges and slower concurrent marking from one thread (its heap is tens of MiB, so milliseconds): set
// TSETCD_NODE_FLAGS to weigh that differently.
export const NODE_FLAGS = ['--min-semi-space-size=16', '--v8-pool-size=1'];
