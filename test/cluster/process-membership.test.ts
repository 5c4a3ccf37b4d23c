// Membership changes on a cluster of real tsetcd processes, operated with the real etcdctl 3.4 `member`
// commands as etcd's operations guide does them: list (every output format), add a learner, promote it
// (refused while it is behind, with etcd's message, and through a follower), update a member's peer URLs and
// restart it on them, remove a member (it shuts itself down), --strict-reconfig-check refusals, add a voter
// and start it from the ETCD_* lines `member add` prints. The same steps run against a real etcd 3.4 cluster
// at the same time, and the two transcripts (IDs, ports and terms normalized) must be equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAVE_ETCD, ProcCluster, hex, waitFor, type Impl, type ProcMember } from './process-helpers.ts';

interface Step {
  cmd: string;
  code: number;
  out: string;
}

interface Transcript {
  steps: Step[];
  /** Normalizes a raw output once every member ID is known. */
  norm: (text: string) => string;
  removedExit: number | string | undefined;
  hashes: { name: string; hash: number }[];
}

/** Lines sorted (member lists come out in ID order, and IDs differ between the two servers). */
const sortLines = (s: string): string => s.split('\n').sort().join('\n');

export async function scenario(impl: Impl, dir: string): Promise<Transcript> {
  const c = await ProcCluster.start({ impl, dir, size: 3 });
  const ids = new Map<string, bigint>();
  let clusterId: bigint;
  const raw: { cmd: string; code: number; stdout: string; stderr: string }[] = [];
  const lastLine = (s: string): string => s.trim().split('\n').pop() ?? '';
  /** Runs etcdctl on `on` and records command, exit code and output (stdout, or the last stderr line). */
  const step = async (cmd: string[], on?: readonly ProcMember[], retry = false) => {
    // One endpoint unless told: which member answers shows in the output (header.member_id).
    const to = on ?? [c.byName('m1')];
    const r = retry ? await c.retryUnhealthy(cmd, to) : await c.ctl(cmd, to);
    raw.push({ cmd: cmd.join(' '), code: r.code, stdout: r.stdout, stderr: lastLine(r.stderr) });
    return r;
  };
  try {
    for (const [n, id] of await c.memberIds()) ids.set(n, id);
    const m1 = c.byName('m1');
    const m2 = c.byName('m2');
    const m3 = c.byName('m3');

    // A member publishes its client URLs through raft once it is up; the one answering may apply that entry a
    // heartbeat later than the publisher serves its first request. Wait until m1 lists every member's URLs.
    await waitFor(
      async () => {
        const r = await c.ctl(['-w', 'simple', 'member', 'list'], [m1]);
        const lines = r.stdout.trim().split('\n');
        return r.code === 0 && lines.length === 3 && lines.every((l) => /, http[^,]*, false$/.test(l));
      },
      30_000,
      'every member to publish its client URLs',
    );

    // member list in every output format.
    for (const w of ['simple', 'table', 'json', 'fields']) await step(['-w', w, 'member', 'list']);
    const head = JSON.parse((await c.ctlOk(['-w', 'json', 'member', 'list'])).replace(/(\d{16,})/g, '"$1"'));
    clusterId = BigInt(head.header.cluster_id as string);

    // Refused changes: etcd's messages.
    await step(['member', 'remove', 'ffff']);
    await step(['member', 'update', 'ffff', '--peer-urls=http://127.0.0.1:1']);
    await step(['member', 'promote', hex(ids.get('m1')!)]);
    await step(['member', 'add', 'dup', `--peer-urls=${m1.peerUrl}`], undefined, true);

    // A learner, added but not started: listed as unstarted; promotion refused while it is behind.
    const leader = await c.waitLeader();
    const follower = c.up().find((m) => m !== leader)!;
    const { member: m4, out: addOut } = await c.addMember('m4', { learner: true, start: false });
    raw.push({ cmd: 'member add m4 --learner', code: 0, stdout: addOut, stderr: '' });
    const added = /Member\s+([0-9a-f]+) added to cluster\s+([0-9a-f]+)/.exec(addOut);
    assert.ok(added, `member add printed: ${addOut}`);
    ids.set('m4', BigInt(`0x${added[1]}`));
    await step(['member', 'list']);
    await step(['member', 'add', 'm5', '--peer-urls=http://127.0.0.1:2', '--learner']);
    await step(['member', 'promote', hex(ids.get('m4')!)], [follower]);
    await step(['member', 'promote', hex(ids.get('m4')!)], [leader]);

    // Start it with the ETCD_* lines; once it has caught up, promotion (sent to a follower) succeeds.
    m4.start();
    await waitFor(
      async () => (await c.status(m4))?.isLearner === true,
      60_000,
      'the learner to serve status',
    );
    const promoteBy = Date.now() + 60_000;
    for (;;) {
      const r = await c.ctl(['member', 'promote', hex(ids.get('m4')!)], [follower]);
      if (r.code === 0) {
        raw.push({ cmd: 'member promote m4 (caught up)', code: 0, stdout: r.stdout, stderr: '' });
        break;
      }
      assert.match(r.stderr, /can only promote a learner member which is in sync with leader/);
      if (Date.now() > promoteBy) throw new Error(`promotion never succeeded: ${r.stderr}`);
      await new Promise((res) => setTimeout(res, 300));
    }
    await waitFor(async () => (await c.status(m4))?.isLearner === false, 30_000, 'm4 to see itself a voter');
    await step(['member', 'list']);

    // member update: m2 moves to a new peer URL; restarted there, it gets the leader's appends again.
    await m2.kill();
    await c.waitLeader(c.up()); // m2 may have led: the rest elect a leader first
    const moved = await c.newSpec('m2');
    await step(['member', 'update', hex(ids.get('m2')!), `--peer-urls=${moved.peerUrl}`], [m1, m3, m4]);
    const oldM2Peer = new URL(m2.peerUrl).port;
    m2.spec = { ...m2.spec, peerUrl: moved.peerUrl };
    m2.start();
    await c.ctlOk(['put', 'after-update', 'x'], [m1]);
    await c.waitHealthy(60_000, [m2]);
    await step(['get', 'after-update', '--consistency=s'], [m2]);
    await step(['member', 'list']);

    // member remove of a running member: it shuts itself down.
    await step(['member', 'remove', hex(ids.get('m4')!)], [m1], true);
    await waitFor(() => !m4.isUp(), 60_000, 'the removed member to exit');
    const removedExit = m4.exitStatus();

    // --strict-reconfig-check with m3 down: removing a live voter or adding one would leave no quorum.
    await m3.kill();
    await c.waitHealthy(60_000, [m1, m2]);
    await step(['member', 'remove', hex(ids.get('m2')!)], [m1]);
    await step(['member', 'add', 'm5', '--peer-urls=http://127.0.0.1:2'], [m1]);
    // A member that is down takes no part in the quorum: removing it is allowed.
    await step(['member', 'remove', hex(ids.get('m3')!)], [m1], true);
    await step(['member', 'list'], [m1]);

    // Grow back: member add (voter), start the new member from the printed ETCD_* lines.
    const { member: m5, out: add5 } = await c.addMember('m5', { via: [m1] });
    raw.push({ cmd: 'member add m5', code: 0, stdout: add5, stderr: '' });
    ids.set('m5', BigInt(`0x${/Member\s+([0-9a-f]+) added/.exec(add5)![1]}`));
    await c.waitHealthy(90_000, [m5]);
    await step(['member', 'list'], [m1]);
    for (let i = 0; i < 20; i++) await c.ctlOk(['put', `k${i}`, `v${i}`], [m1, m2, m5]);
    const rev = await c.revision([m1]);
    const hashes = await c.hashKVs(rev, [m1, m2, m5]);

    // Normalize IDs, ports and terms, which differ between the two servers and between runs.
    const subst: [string, string][] = [];
    for (const [n, id] of ids) subst.push([id.toString(), `<${n}>`], [hex(id), `<${n}>`]);
    subst.push([clusterId.toString(), '<cluster>'], [hex(clusterId), '<cluster>']);
    for (const m of c.members) {
      subst.push(
        [new URL(m.peerUrl).port, `<${m.name}-peer>`],
        [new URL(m.clientUrl).port, `<${m.name}-client>`],
      );
    }
    subst.push([oldM2Peer, '<m2-old-peer>']);
    const norm = (text: string): string => {
      let t = text;
      for (const [from, to] of subst.sort((a, b) => b[0].length - a[0].length)) t = t.split(from).join(to);
      return sortLines(
        t
          .replace(/("raft_term":|"RaftTerm" : )\d+/g, '$1"<term>"')
          .replace(
            /(ETCD_INITIAL_CLUSTER=")([^"]*)/,
            (_, a: string, b: string) => a + b.split(',').sort().join(','),
          )
          .replace(/"ts":"[^"]*"/g, '')
          .replace(/[ \t]+/g, ' ')
          .replace(/[-+]{3,}/g, '-'),
      );
    };
    const steps = raw.map((r) => ({
      cmd: norm(r.cmd),
      code: r.code,
      out: r.code === 0 ? normJson(norm, r.stdout) : norm(r.stderr),
    }));
    return { steps, norm, removedExit, hashes };
  } finally {
    await c.stop();
  }
}

/** JSON member lists: members sorted by their (normalized) name so the order of IDs does not matter. */
function normJson(norm: (s: string) => string, stdout: string): string {
  const t = stdout.trim();
  if (!t.startsWith('{')) return norm(stdout);
  const quoted = JSON.stringify(JSON.parse(t.replace(/(\d{16,})/g, '"$1"')));
  const j = JSON.parse(norm(quoted)) as { members?: { name?: string }[] };
  j.members?.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(j);
}

test('member list/add/promote/update/remove with etcdctl on tsetcd processes, step by step as on etcd 3.4', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-proc-members-'));
  let passed = false;
  try {
    // One after the other: with both clusters at once on this loaded 2-core machine, etcd refused the last
    // `member add` as "unhealthy cluster" for over 60 s in 2 of 5 runs (cause not investigated).
    const settled = [];
    for (const impl of HAVE_ETCD ? (['tsetcd', 'etcd'] as const) : (['tsetcd'] as const)) {
      settled.push(
        await scenario(impl, join(root, impl)).then(
          (value) => ({ status: 'fulfilled' as const, value }),
          (reason: unknown) => ({ status: 'rejected' as const, reason: reason as Error }),
        ),
      );
    }
    const [ts, et] = settled.map((r, i) => {
      if (r.status === 'rejected')
        throw new Error(`${i === 0 ? 'tsetcd' : 'etcd'} run failed: ${String(r.reason?.stack ?? r.reason)}`, {
          cause: r.reason,
        });
      return r.value;
    }) as [Transcript, Transcript | undefined];
    const byCmd = (t: Transcript, re: RegExp): Step => {
      const s = t.steps.find((x) => re.test(x.cmd));
      assert.ok(s, `no step ${re}`);
      return s;
    };
    // What tsetcd answered, on its own terms.
    assert.match(byCmd(ts, /^member remove ffff/).out, /Error: etcdserver: member not found/);
    assert.match(
      byCmd(ts, /^member promote <m1>/).out,
      /Error: etcdserver: can only promote a learner member$/,
    );
    assert.match(byCmd(ts, /^member add dup/).out, /Error: etcdserver: Peer URLs already exists/);
    const promotes = ts.steps.filter((s) => s.cmd === 'member promote <m4>');
    assert.equal(promotes.length, 2);
    for (const p of promotes) {
      assert.equal(p.code, 1);
      assert.match(
        p.out,
        /Error: etcdserver: can only promote a learner member which is in sync with leader/,
      );
    }
    assert.match(byCmd(ts, /caught up/).out, /Member <m4> promoted in cluster <cluster>/);
    assert.match(byCmd(ts, /^member update <m2>/).out, /Member <m2> updated in cluster <cluster>/);
    assert.match(byCmd(ts, /^get after-update/).out, /after-update\nx/);
    // etcd 3.4 exits normally once it learns it was removed ("the member has been permanently removed").
    assert.equal(ts.removedExit, 0, 'the removed member exited with status 0');
    const unhealthy = ts.steps.filter((s) => s.out.includes('Error: etcdserver: unhealthy cluster'));
    assert.deepEqual(
      unhealthy.map((s) => s.cmd),
      ['member remove <m2>', 'member add m5 --peer-urls=http://127.0.0.1:2'],
    );
    assert.match(byCmd(ts, /^member remove <m3>/).out, /Member <m3> removed from cluster <cluster>/);
    assert.equal(
      new Set(ts.hashes.map((h) => h.hash)).size,
      1,
      `HashKV differs: ${JSON.stringify(ts.hashes)}`,
    );
    const finalList = ts.steps.filter((s) => s.cmd === 'member list').pop()!;
    assert.equal(finalList.out.split('\n').filter((l) => l.includes('started')).length, 3);
    assert.match(finalList.out, /<m5>, started, m5/);
    console.log(ts.steps.map((s) => `$ etcdctl ${s.cmd} -> ${s.code}\n${s.out}`).join('\n'));
    console.log(`removed member exit status: ${ts.removedExit}`);

    // The same steps on real etcd 3.4 printed the same things.
    if (et) {
      assert.equal(ts.steps.length, et.steps.length);
      for (let i = 0; i < et.steps.length; i++)
        assert.deepEqual(ts.steps[i], et.steps[i], `step ${et.steps[i]!.cmd}`);
      assert.equal(ts.removedExit, et.removedExit, 'exit status of the removed member');
    }
    passed = true;
  } finally {
    // Member logs stay for a failed run.
    if (passed) rmSync(root, { recursive: true, force: true });
    else console.log(`member logs kept in ${root}`);
  }
});
