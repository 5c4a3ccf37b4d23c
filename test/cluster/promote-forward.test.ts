// MemberPromote sent to a follower goes to the leader; like etcd, the follower tries again while the leader
// changes (until the request timeout) and passes any other answer straight back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { etcdserverpb } from '../../src/api/gen/etcd.js';
import { EtcdError } from '../../src/api/errors.ts';
import { longToU64, u64ToLong } from '../../src/api/long.ts';
import { publish } from '../../src/embed/member.ts';
import type { EtcdServer, Logger } from '../../src/server/etcd-server.ts';
import { freePorts, memberArgs, startInProcess, until, type ClusterSpec } from './helpers.ts';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let root: string;
let members: EtcdServer[];
let learnerId: bigint;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'tsetcd-promote-'));
  const ports = await freePorts(4);
  const spec: ClusterSpec = {
    names: ['p1', 'p2', 'p3'],
    peerPorts: ports.slice(0, 3),
    dirs: ['p1', 'p2', 'p3'].map((n) => join(root, `${n}.etcd`)),
  };
  members = await Promise.all(
    spec.names.map((_, i) => startInProcess(memberArgs(spec, i, ['--strict-reconfig-check=false']))),
  );
  await until(() => members.some((m) => m.isLeader), 10_000, 'a leader');
  // In-process members have no client front: publish made-up client URLs so the leader's are known.
  await Promise.all(
    members.map((m, i) =>
      publish(m, { name: spec.names[i]!, clientURLs: [`http://127.0.0.1:1${i}`] }, quiet),
    ),
  );
  const leader = members.find((m) => m.isLeader)!;
  const added = await leader.memberAdd({ peerURLs: [`http://127.0.0.1:${ports[3]}`], isLearner: true });
  learnerId = longToU64(added.member!.ID);
  await until(
    () => members.every((m) => m.membership.get(learnerId)?.isLearner === true),
    10_000,
    'the learner everywhere',
  );
});

after(async () => {
  await Promise.all(members.map((m) => m.stop()));
  rmSync(root, { recursive: true, force: true });
});

type PromoteFn = (
  urls: readonly string[],
  req: etcdserverpb.IMemberPromoteRequest,
  timeoutMs: number,
) => Promise<etcdserverpb.MemberPromoteResponse>;

/** A follower whose leader forwarder is replaced by `promote`; returns the follower and the calls made. */
function followerWith(promote: PromoteFn) {
  const follower = members.find((m) => !m.isLeader)!;
  const calls: string[][] = [];
  (follower as unknown as { forwarderValue: unknown }).forwarderValue = {
    promote: (urls: readonly string[], req: etcdserverpb.IMemberPromoteRequest, ms: number) => {
      calls.push([...urls]);
      return promote(urls, req, ms);
    },
    close() {},
  };
  return { follower, calls };
}

test('a follower tries again while the leader changes, then relays the leader answer', async () => {
  let n = 0;
  const answer = { header: {}, members: [] } as unknown as etcdserverpb.MemberPromoteResponse;
  const { follower, calls } = followerWith(async () => {
    n++;
    if (n <= 2) throw EtcdError.of('LeaderChanged');
    return answer;
  });
  const res = await follower.memberPromote({ ID: u64ToLong(learnerId) });
  assert.equal(res, answer);
  assert.equal(calls.length, 3);
  const leaderIndex = members.findIndex((m) => m.isLeader);
  assert.deepEqual(calls[2], [`http://127.0.0.1:1${leaderIndex}`]);
});

test('a refusal from the leader comes back at once, not retried', async () => {
  const { follower, calls } = followerWith(async () => {
    throw EtcdError.of('LearnerNotReady');
  });
  await assert.rejects(
    follower.memberPromote({ ID: u64ToLong(learnerId) }),
    (e: unknown) => e instanceof EtcdError && e.is('LearnerNotReady'),
  );
  assert.equal(calls.length, 1);
});
