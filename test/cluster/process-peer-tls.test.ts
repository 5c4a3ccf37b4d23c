// Peer TLS with certificate files on real tsetcd processes: a CA and member certificates made with the
// openssl CLI, members started with --peer-cert-file --peer-key-file --peer-trusted-ca-file
// --peer-client-cert-auth on https peer URLs. The three members form a cluster and replicate; a fourth member
// whose certificate comes from another CA is added with etcdctl but can never join: the members refuse its
// handshakes and it never gets the cluster's data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HAVE_ETCD, ProcCluster } from './process-helpers.ts';
import { HAVE_OPENSSL, OpensslCa } from '../helpers/openssl-ca.ts';

const skip = !HAVE_OPENSSL ? 'openssl CLI not installed' : !HAVE_ETCD ? 'etcdctl not installed' : false;

let dir = '';
const f = (name: string): string => join(dir, name);
/** A peer certificate for 127.0.0.1 (server and client use) signed by the CA `by`. */
const peerCert = (name: string, by: string): void =>
  new OpensslCa(dir).signed(
    name,
    by,
    ['extendedKeyUsage=serverAuth,clientAuth', 'subjectAltName=IP:127.0.0.1,DNS:localhost', ''].join('\n'),
  );
const makeCa = (name: string): void => new OpensslCa(dir).ca(name);

const tlsFlags = (cert: string): Record<string, string> => ({
  'peer-cert-file': f(`${cert}.crt`),
  'peer-key-file': f(`${cert}.key`),
  'peer-trusted-ca-file': f('ca.crt'),
  'peer-client-cert-auth': 'true',
});

describe('peer TLS with certificate files', { skip }, () => {
  let c: ProcCluster | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsetcd-proc-peer-tls-'));
    makeCa('ca');
    makeCa('other-ca');
    peerCert('peer', 'ca');
    peerCert('stranger', 'other-ca');
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('three members form a cluster over https peer URLs; a member with a foreign CA cannot join', async () => {
    c = await ProcCluster.start({
      impl: 'tsetcd',
      dir: join(dir, 'cluster'),
      size: 3,
      peerScheme: 'https',
      extraFlags: tlsFlags('peer'),
    });
    for (const m of c.members) assert.ok(m.peerUrl.startsWith('https://'));
    for (let i = 0; i < 10; i++) await c.ctlOk(['put', `s${i}`, `v${i}`], [c.members[i % 3]!]);
    const rev = await c.revision();
    const hashes = await c.hashKVs(rev);
    assert.equal(new Set(hashes.map((h) => h.hash)).size, 1);
    const list = await c.ctlOk(['member', 'list']);
    assert.equal((list.match(/, started, m\d, https:\/\/127\.0\.0\.1:\d+/g) ?? []).length, 3, list);

    // The stranger: added as a learner (no quorum at stake), started with a certificate from other-ca.
    const { member: stranger } = await c.addMember('m4', { learner: true, start: false });
    stranger.flags = { ...stranger.flags, ...tlsFlags('stranger') };
    stranger.start();
    // It gives up (exits) or keeps trying; either way it gets many election timeouts' worth of time.
    const until = Date.now() + 12_000;
    while (stranger.isUp() && Date.now() < until) await sleep(200);
    if (stranger.isUp()) {
      // Still trying: a learner answers serializable reads from its own copy, and the stranger has none of
      // the data (it must answer, or this check would prove nothing).
      const got = await c.ctl(['--command-timeout=2s', '--consistency=s', 'get', 's9'], [stranger]);
      console.log(`stranger still up; serializable get s9: exit ${got.code} ${JSON.stringify(got.stdout)}`);
      assert.equal(got.code, 0, got.stderr);
      assert.ok(!got.stdout.includes('v9'), 'the stranger never received the data');
    } else {
      // It gave up: it exited with status 1 and its log says it could not reach any of the three peers for the
      // membership (each fetch failed: the peers refused its handshake, which they log, checked below; the
      // stranger's own line does not name the TLS cause).
      const own = stranger.log();
      console.log(`stranger exited (${stranger.exitStatus()}): ${own.split('\n').slice(-3).join('\n')}`);
      assert.equal(stranger.exitStatus(), 1);
      const line = own.split('\n').find((l) => l.includes('"msg":"failed to start"')) ?? '';
      assert.match(line, /could not fetch the cluster membership from any peer in --initial-cluster/);
      for (const m of c.members.slice(0, 3)) assert.ok(line.includes(`${m.peerUrl}: fetch failed`), line);
    }
    const after = await c.ctlOk(['member', 'list']);
    assert.match(
      after,
      /, unstarted, , https:\/\/127\.0\.0\.1:\d+, , true/,
      'the stranger never published itself',
    );
    const refusals = c.members
      .slice(0, 3)
      .flatMap((m) => m.log().split('\n'))
      .filter((l) => l.includes('rejected peer connection: TLS handshake failed'));
    assert.ok(refusals.length > 0, 'the members log the refused handshakes');
    console.log(`${refusals.length} refused handshakes logged, e.g.\n${refusals[0]}`);
    console.log(
      `stranger (${stranger.isUp() ? 'running' : `exited ${stranger.exitStatus()}`}), last log lines:`,
    );
    console.log(stranger.log().split('\n').slice(-4).join('\n'));
    // The cluster is unaffected.
    await c.ctlOk(['put', 'still', 'fine'], [c.members[0]!]);
  });
});
