// Positive controls on real clusters: a server switch (src/server/failpoints.ts) that breaks one guarantee,
// the fault that exposes it, and the check expected to catch it. A run with the switch on must fail by
// that check; the same run (same seed) with the switch off must pass.
import type { FaultName } from './faults.ts';

export interface Control {
  /** TSETCD_FAILPOINTS of every member. */
  failpoints: string;
  /** TSETCD_FAILPOINTS of the run with the switch off (test machinery the fault needs, e.g. powerLoss). */
  offFailpoints?: string;
  fault: FaultName;
  extraFlags?: string[];
  compaction?: boolean;
  /** The check meant to catch it, for reports. */
  check: string;
  /** Whether the failures are that check's. */
  caughtBy(failures: readonly string[]): boolean;
}

export const CONTROLS = {
  // Reads served from the member's own state: a member cut off from the others (the old leader here) keeps
  // answering "linearizable" reads with values the majority has overwritten. Either check may be the one to
  // see it: the linearizability checker works key by key, so a stale read of a key nobody rewrote meanwhile
  // shows only in its revision, older than a write that had already returned (seen once in CI).
  unsafeLocalLinearizableRead: {
    failpoints: 'unsafeLocalLinearizableRead',
    fault: 'isolate-leader',
    check: 'linearizability / revision order',
    caughtBy: (f) =>
      f.some((x) => x.startsWith('linearizability: ') || x.startsWith('revision went back in real time: ')),
  },
  // WAL writes held back 1 s past the acknowledgement on every member, then every member SIGKILLed at once:
  // the writes acknowledged in that last second are on no disk. The backend must not commit them either
  // (else the restart refuses: backend ahead of the WAL), so it commits only when asked and nothing asks
  // (no compaction during the traffic).
  unsafeAckBeforeWalSave: {
    failpoints: 'unsafeAckBeforeWalSave',
    fault: 'kill-all',
    extraFlags: ['--backend-batch-interval', '10m', '--backend-batch-limit', '100000000'],
    compaction: false,
    check: 'linearizability / acknowledged writes',
    caughtBy: (f) => f.some((x) => x.startsWith('linearizability: ') || x.startsWith('acknowledged write')),
  },
  // The WAL fdatasync left for 2 s later while the turn goes on (send, apply, acknowledge) as soon as the
  // write is in the page cache: a power cut of every member at once (powerLoss: each WAL cut back to its last
  // fdatasync) loses the writes acknowledged since. A SIGKILL would not (the page cache survives it). The
  // backend commits only when asked, as for unsafeAckBeforeWalSave.
  unsafeAckBeforeFsync: {
    failpoints: 'unsafeAckBeforeFsync; powerLoss',
    offFailpoints: 'powerLoss',
    fault: 'powercut-all',
    extraFlags: ['--backend-batch-interval', '10m', '--backend-batch-limit', '100000000'],
    compaction: false,
    check: 'linearizability / acknowledged writes / revisions',
    // Definite evidence of lost writes only: a linearizability search that ran out of time ("unknown") is not.
    caughtBy: (f) =>
      f.some((x) => /^(linearizability: illegal|acknowledged write|revision went back|reference: )/.test(x)),
  },
  // One event of a watch response dropped every 25th response: watches (the reference included) miss it.
  unsafeSkipWatchEvent: {
    failpoints: 'unsafeSkipWatchEvent',
    fault: 'none',
    check: 'watch completeness',
    caughtBy: (f) => f.some((x) => /^(watch |reference)/.test(x)),
  },
} satisfies Record<string, Control>;
export type ControlName = keyof typeof CONTROLS;
