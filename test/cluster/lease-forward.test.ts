// Lease keepalives and TimeToLive sent to a follower are answered by the leader (only it counts down).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMember, type Member } from '../../src/embed/member.ts';
import { i64ToLong, longToI64, longToSafeInt, longToU64 } from '../../src/api/long.ts';
import { freePorts, memberArgs, until, type ClusterSpec } from './helpers.ts';

test('a follower forwards lease keepalive and TimeToLive to the leader', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-leasefwd-'));
  const ports = await freePorts(6);
  const spec: ClusterSpec = {
    names: ['m1', 'm2', 'm3'],
    peerPorts: ports.slice(0, 3),
    dirs: ['m1', 'm2', 'm3'].map((n) => join(root, `${n}.etcd`)),
  };
  const members: Member[] = await Promise.all(
    spec.names.map((_, i) => {
      const c = `http://127.0.0.1:${ports[3 + i]}`;
      return startMember({
        args: [...memberArgs(spec, i), '--listen-client-urls', c, '--advertise-client-urls', c],
        logger: false,
      });
    }),
  );
  try {
    await until(() => members.some((m) => m.server.isLeader), 10_000, 'a leader');
    const leader = members.find((m) => m.server.isLeader)!.server;
    const follower = members.find((m) => !m.server.isLeader)!.server;
    // Client URLs are published through raft; wait until the follower knows the leader's.
    await until(
      () => (follower.membership.get(leader.id)?.clientURLs.length ?? 0) > 0,
      10_000,
      'published client URLs',
    );
    const g = await leader.leaseGrant({ TTL: 30 });
    const id = longToI64(g.ID);
    await until(() => follower.lessor.has(id), 5000, 'the grant to reach the follower');
    assert.equal(await follower.leaseRenew(id), 30);
    assert.equal(
      await follower.leaseRenew(424242n),
      0,
      'an unknown lease renews to TTL 0 through the leader too',
    );
    const ttl = await follower.leaseTimeToLive({ ID: g.ID });
    assert.equal(longToSafeInt(ttl.grantedTTL), 30);
    assert.ok(longToSafeInt(ttl.TTL) > 0 && longToSafeInt(ttl.TTL) <= 30);
    // The header is the asked member's own, as etcd fills it in where the client asked.
    assert.equal(longToU64(ttl.header!.member_id!), follower.id);
    const missing = await follower.leaseTimeToLive({ ID: i64ToLong(424242n) });
    assert.equal(longToSafeInt(missing.TTL), -1, 'an unknown lease has TTL -1 through the leader');

    // Many keepalives at once through one follower: every one is answered by the leader, none fails.
    const many = await Promise.all(Array.from({ length: 2000 }, () => follower.leaseRenew(id)));
    assert.deepEqual(new Set(many), new Set([30]));

    // A leader that does not serve the lease paths (an older version: 404) or answers bytes that do not
    // decode: the follower's calls fail with an error, and the follower itself goes on (before, the
    // keepalive batch's decode threw inside a promise callback: an unhandled rejection ends the process).
    type Answer = (path: string, body: Buffer) => Promise<{ status: number; body: Uint8Array }>;
    const leaderSide = leader as unknown as { answerLeaseRequest: Answer };
    const realAnswer = leaderSide.answerLeaseRequest;
    try {
      leaderSide.answerLeaseRequest = () =>
        Promise.resolve({ status: 404, body: Buffer.from('404 page not found\n') });
      await assert.rejects(follower.leaseRenew(id), /does not serve \/leases/);
      await assert.rejects(follower.leaseTimeToLive({ ID: g.ID }), /does not serve \/leases\/internal/);
      leaderSide.answerLeaseRequest = () =>
        Promise.resolve({ status: 200, body: Buffer.from('404 page not found\n') });
      await assert.rejects(follower.leaseRenew(id), /unreadable keepalive answer/);
      await assert.rejects(follower.leaseTimeToLive({ ID: g.ID }), /unreadable TimeToLive answer/);
    } finally {
      leaderSide.answerLeaseRequest = realAnswer;
    }
    assert.equal(await follower.leaseRenew(id), 30, 'the follower still forwards once the leader answers');

    // The leader goes away: the follower's keepalive waits for the next leader instead of failing.
    const old = members.find((m) => m.server.isLeader)!;
    const rest = members.filter((m) => m !== old);
    await old.close();
    const asker = rest[0]!.server;
    assert.equal(
      await asker.leaseRenew(id),
      30,
      'a keepalive during an election is answered by the new leader',
    );
    await until(() => rest.some((m) => m.server.isLeader), 10_000, 'a new leader');
    const other = rest.find((m) => !m.server.isLeader)!.server;
    assert.equal(await other.leaseRenew(id), 30);
  } finally {
    await Promise.all(members.map((m) => m.close()));
    rmSync(root, { recursive: true, force: true });
  }
});
