// The attributes publish is an internal request: like etcd 3.4 (whose v2 publish path never checks
// --max-request-bytes), a member with a small --max-request-bytes must still publish and serve clients.
// Checked against real etcd 3.4.23: `etcd --max-request-bytes 100` publishes and answers /version and puts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMember } from '../../src/embed/member.ts';

test('a member with --max-request-bytes 100 still publishes itself and serves clients', async () => {
  const m = await startMember({
    tempDataDir: true,
    clientPort: 0,
    args: ['--max-request-bytes', '100'],
    logger: false,
  });
  try {
    // A liveness wait, not a speed check: a single member publishes within its first election.
    const r = await fetch(`${m.clientUrls[0]}/version`, { signal: AbortSignal.timeout(20_000) }).catch(
      (e: unknown) => e,
    );
    assert.ok(
      r instanceof Response,
      `no answer from the client port within 20 s (${String(r)}): the publish never committed`,
    );
    assert.equal(r.status, 200);
  } finally {
    await m.close();
  }
});
