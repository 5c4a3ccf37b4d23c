// Bootstrap by v2 discovery (--discovery <url>) against a REAL discovery service: etcd 3.4 with
// --enable-v2, the token directory created through its v2 keys API. Real etcd members started with the
// same kind of URL are the reference for what gets registered and for the error texts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { etcdctl } from '../server/tsetcd-process.ts';
import { memberIdFor, idHex } from '../../src/server/membership.ts';
import {
  asProc,
  etcdJoinError,
  haveEtcd,
  memberFlags,
  memberPorts,
  spawnEtcd,
  startEtcdService,
  tempRoot,
  tsetcdMember,
  tsetcdStartError,
  waitFor,
  waitHealthy,
  type Proc,
  type Service,
} from './discovery-helpers.ts';

interface Registration {
  key: string;
  value: string;
}

describe(
  'v2 discovery through a real etcd 3.4 discovery service',
  { skip: !haveEtcd && 'no /usr/bin/etcd' },
  () => {
    let svc: Service;
    const tmp = tempRoot('tsetcd-disc2-');
    const procs: Proc[] = [];

    const keysUrl = (dir: string): string => `${svc.clientUrl}/v2/keys/discovery/${dir}`;
    const v2 = async (method: string, url: string, value?: string): Promise<unknown> => {
      const r = await fetch(url, {
        method,
        ...(value !== undefined
          ? {
              body: new URLSearchParams({ value }),
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            }
          : {}),
      });
      return r.json();
    };
    const registrations = async (dir: string): Promise<Registration[]> => {
      const r = (await v2('GET', `${keysUrl(dir)}?recursive=true`)) as {
        node?: { nodes?: Array<{ key: string; value?: string; dir?: boolean }> };
      };
      return (r.node?.nodes ?? [])
        .filter((n) => !n.dir)
        .map((n) => ({ key: n.key, value: n.value ?? '' }))
        .sort((a, b) => a.key.localeCompare(b.key));
    };
    const memberList = async (addr: string): Promise<{ clusterId: string; ids: string[] }> => {
      const r = await etcdctl(['--endpoints', addr, 'member', 'list', '-w', 'json']);
      assert.equal(r.code, 0, r.stderr);
      // etcdctl prints 64-bit IDs as JSON numbers; read them back exactly from the text.
      const big = (field: string): string[] =>
        [...r.stdout.matchAll(new RegExp(`"${field}":(\\d+)`, 'g'))].map((m) => BigInt(m[1]!).toString(16));
      return { clusterId: big('cluster_id')[0]!, ids: big('ID').sort() };
    };

    before(async () => {
      svc = await startEtcdService(tmp.root);
    });
    after(async () => {
      await Promise.all(procs.map((p) => p.kill()));
      await svc?.stop();
      tmp.cleanup();
    });

    test('3 tsetcd members form one cluster and register exactly what 3 real etcd members register', async () => {
      const ms = await memberPorts(['d1', 'd2', 'd3']);
      const url = keysUrl('same');
      const flags = (i: number, who: string) =>
        memberFlags(ms[i]!, join(tmp.root, `${who}-${ms[i]!.name}`), { discovery: url });

      // The reference: real etcd members with this discovery URL.
      await v2('PUT', `${url}/_config/size`, '3');
      const etcds = ms.map((_, i) => spawnEtcd(flags(i, 'etcd')));
      procs.push(...etcds);
      await Promise.all(ms.map((m, i) => waitHealthy(`http://127.0.0.1:${m.client}`, etcds[i]!)));
      const etcdRegs = await registrations('same');
      const etcdList = await memberList(`127.0.0.1:${ms[0]!.client}`);
      await Promise.all(etcds.map((p) => p.kill()));

      // The same token directory, emptied and sized again, now for tsetcd members on the same URLs.
      await v2('DELETE', `${url}?recursive=true`);
      await v2('PUT', `${url}/_config/size`, '3');
      const ts = ms.map((_, i) => asProc(tsetcdMember(flags(i, 'tsetcd'))));
      procs.push(...ts);
      await Promise.all(ms.map((m, i) => waitHealthy(`http://127.0.0.1:${m.client}`, ts[i]!)));
      const tsRegs = await registrations('same');

      // Registration layout: <dir>/<member-id-hex> = name=peerURL — identical keys and values.
      assert.equal(etcdRegs.length, 3);
      assert.deepEqual(tsRegs, etcdRegs);
      for (const [i, m] of ms.entries()) {
        const peer = `http://127.0.0.1:${m.peer}`;
        const reg = tsRegs.find((r) => r.value === `${m.name}=${peer}`);
        assert.ok(reg, `registration of ${m.name}`);
        assert.equal(reg.key, `/discovery/same/${idHex(memberIdFor([peer], url))}`, `key of member ${i}`);
      }

      // The same member IDs and cluster ID as the etcd cluster, and a working 3-member cluster.
      const tsList = await memberList(`127.0.0.1:${ms[0]!.client}`);
      assert.deepEqual(tsList, etcdList);
      assert.deepEqual(tsList.ids, tsRegs.map((r) => r.key.split('/').pop()!).sort());
      const put = await etcdctl(['--endpoints', `127.0.0.1:${ms[0]!.client}`, 'put', 'disc-key', 'v2-ok']);
      assert.equal(put.code, 0, put.stderr);
      for (const m of ms.slice(1)) {
        const got = await etcdctl([
          '--endpoints',
          `127.0.0.1:${m.client}`,
          'get',
          'disc-key',
          '--print-value-only',
        ]);
        assert.equal(got.stdout.trim(), 'v2-ok');
      }

      // A restarted member has its data dir: it rejoins without discovery (which would now refuse it
      // with "found duplicate id").
      await ts[2]!.kill();
      const again = asProc(tsetcdMember(flags(2, 'tsetcd')));
      procs.push(again);
      await waitHealthy(`http://127.0.0.1:${ms[2]!.client}`, again);
      const read = await etcdctl([
        '--endpoints',
        `127.0.0.1:${ms[2]!.client}`,
        'get',
        'disc-key',
        '--print-value-only',
      ]);
      assert.equal(read.stdout.trim(), 'v2-ok');
      assert.match(ts[0]!.log(), /got the initial cluster from discovery/);
      assert.doesNotMatch(again.log(), /got the initial cluster from discovery/);
      ts[2] = again;

      // A 4th member: the cluster is full. With --discovery-fallback=exit etcd's error; with the default
      // (proxy) a clear "no proxy mode" error. Neither registers.
      const [m4, m5] = await memberPorts(['d4', 'd5']);
      const fourth = tsetcdMember(
        memberFlags(m4!, join(tmp.root, 'd4-exit'), { discovery: url, 'discovery-fallback': 'exit' }),
      );
      const fifth = tsetcdMember(memberFlags(m5!, join(tmp.root, 'd5-proxy'), { discovery: url }));
      assert.deepEqual(await Promise.all([fourth.exited, fifth.exited]), [1, 1]);
      assert.equal(
        tsetcdStartError(fourth.log()),
        'failed to join discovery cluster (discovery: cluster is full)',
      );
      assert.match(
        tsetcdStartError(fifth.log()) ?? '',
        /discovery cluster is full .*tsetcd has no proxy mode/,
      );
      assert.match(fifth.log(), /discovery cluster full, falling back to proxy/);
      assert.equal((await registrations('same')).length, 3);
      await Promise.all(ts.map((p) => p.kill()));
    });

    test('bad size, no size, a non-etcd endpoint and a full cluster: the same errors as etcd 3.4', async () => {
      await v2('PUT', `${keysUrl('badsize')}/_config/size`, 'abc');
      await v2('PUT', `${keysUrl('full')}/_config/size`, '1');
      await v2('PUT', `${keysUrl('full')}/someone`, 'someone=http://127.0.0.1:1');
      const cases = [
        keysUrl('badsize'),
        keysUrl('nosize'),
        `${svc.clientUrl}/version/not-the-keys-api`,
        keysUrl('full'),
        '%zz',
      ];
      const ports = await memberPorts(cases.flatMap((_, i) => [`e${i}`, `t${i}`]));
      const runs = cases.map(async (url, i) => {
        const extra = { discovery: url, 'discovery-fallback': 'exit' };
        // One after the other per case, so etcd's and tsetcd's view of the v2 index is the same.
        const e = spawnEtcd(memberFlags(ports[2 * i]!, join(tmp.root, `err-e${i}`), extra));
        procs.push(e);
        const eCode = await e.exited;
        const t = tsetcdMember(memberFlags(ports[2 * i + 1]!, join(tmp.root, `err-t${i}`), extra));
        const tCode = await t.exited;
        return { url, eCode, tCode, etcd: etcdJoinError(e.log()), tsetcd: tsetcdStartError(t.log()) };
      });
      const results = await Promise.all(runs);
      const expected = [
        'failed to join discovery cluster (discovery: size key is bad)',
        /^failed to join discovery cluster \(100: Key not found \(\/discovery\/nosize\) \[\d+\]\)$/,
        'failed to join discovery cluster (discovery: bad discovery endpoint)',
        'failed to join discovery cluster (discovery: cluster is full)',
        'failed to join discovery cluster (parse "%zz": invalid URL escape "%zz")',
      ];
      for (const [i, r] of results.entries()) {
        assert.equal(r.eCode, 1, `etcd exit for ${r.url}`);
        assert.equal(r.tCode, 1, `tsetcd exit for ${r.url}`);
        assert.ok(r.etcd !== undefined, `etcd printed its error for ${r.url}`);
        assert.equal(r.tsetcd, r.etcd, r.url);
        const want = expected[i]!;
        if (typeof want === 'string') assert.equal(r.tsetcd, want);
        else assert.match(r.tsetcd ?? '', want);
      }
    });

    test('--discovery with --initial-cluster: the same flag error as etcd 3.4', async () => {
      const flags = { 'initial-cluster': 'a=http://127.0.0.1:2', discovery: keysUrl('x') };
      const etcd = spawnEtcd(flags);
      const t = tsetcdMember(flags);
      assert.deepEqual(await Promise.all([etcd.exited, t.exited]), [1, 1]);
      const want = /error verifying flags, (.*)\. See 'etcd --help'\./.exec(etcd.log());
      assert.ok(want, etcd.log());
      assert.match(want[1]!, /Choose one of "initial-cluster", "discovery" or "discovery-srv"$/);
      assert.equal(t.log().trim(), `error verifying flags, ${want[1]}. See 'tsetcd --help'.`);
    });

    test('an unreachable service is retried with backoff (like etcd); a reused member ID is refused', async () => {
      const [dead, m, d] = await memberPorts(['dead', 'u', 'dup']);
      const unreachable = `http://127.0.0.1:${dead!.client}/v2/keys/discovery/none`;
      const t = asProc(tsetcdMember(memberFlags(m!, join(tmp.root, 'unreach'), { discovery: unreachable })));
      procs.push(t);
      const [em] = await memberPorts(['etcd-unreach']);
      const e = spawnEtcd(memberFlags(em!, join(tmp.root, 'etcd-unreach'), { discovery: unreachable }));
      procs.push(e);

      // Duplicate ID: a member registers and waits (size 2), dies, loses its data dir, boots again.
      const url = keysUrl('dup');
      await v2('PUT', `${url}/_config/size`, '2');
      const dir = join(tmp.root, 'dup-data');
      const dupFlags = memberFlags(d!, dir, { discovery: url });
      const first = asProc(tsetcdMember(dupFlags));
      procs.push(first);
      await waitFor(async () => (await registrations('dup')).length === 1, 60_000, 'the first registration');
      await first.kill();
      rmSync(dir, { recursive: true, force: true });
      const again = tsetcdMember(dupFlags);
      assert.equal(await again.exited, 1);
      assert.equal(
        tsetcdStartError(again.log()),
        'failed to join discovery cluster (discovery: found duplicate id)',
      );
      assert.match(again.log(), /has previously registered with the discovery service/);

      await waitFor(
        () => /cannot reach the discovery service; retrying/.test(t.log()),
        60_000,
        'a retry log line',
      );
      assert.ok(t.alive(), 'still trying, not exited');
      assert.match(t.log(), /"backoff":"2s"/);
      assert.match(t.log(), /ECONNREFUSED/);
      // etcd does the same: it logs the refused connection and retries in 2 s, without exiting.
      await waitFor(() => /retrying in 2s/.test(e.log()), 60_000, "etcd's retry log line");
      assert.match(e.log(), /connection refused/);
      assert.ok(e.alive(), 'etcd is still trying too');
      await Promise.all([t.kill(), e.kill()]);
    });
  },
);
