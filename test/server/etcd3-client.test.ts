// The `etcd3` npm client (1.1.x, on @grpc/grpc-js) against a tsetcd child process: KV, txn, watch (prev kv,
// prefix, history, resume after a server restart), leases (keepalive, expiry, revoke), the lock, election and
// STM recipes, and a raw @grpc/grpc-js call of grpc.health.v1.Health/Check.
// ETCD3_TEST_AGAINST=etcd runs the same tests (but the restart one) against the real etcd 3.4 instead, to
// check the tests themselves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { Etcd3, EtcdLockFailedError, type IKeyValue, type IOptions, type Watcher } from 'etcd3';
import { startEtcd, type RealEtcd } from '../compat/proto-etcd-process.ts';
import {
  removeDir,
  singleMemberFlags,
  startTsetcd,
  tempDir,
  until,
  type Flags,
  type TsetcdProcess,
} from './tsetcd-process.ts';

let dir = '';
let flags: Flags;
let ts: TsetcdProcess | undefined;
let real: RealEtcd | undefined;
/** `127.0.0.1:port` of the server under test. */
let addr = '';
let client: Etcd3;
const againstEtcd = process.env.ETCD3_TEST_AGAINST === 'etcd';
/**
 * The watch stream's reconnect delay. The default grows to 30 s, and the client leaves such timers armed after
 * close(), which would keep this test process alive long after the last test.
 */
const quickRetry: NonNullable<NonNullable<IOptions['faultHandling']>['watchBackoff']> = {
  duration: 250,
  next: () => quickRetry,
};

before(async () => {
  dir = tempDir('tsetcd-etcd3-');
  flags = await singleMemberFlags(dir, 'etcd3');
  let url: string;
  if (againstEtcd) {
    real = await startEtcd('etcd3');
    [url, addr] = [real.clientUrl, real.clientAddr];
  } else {
    ts = await startTsetcd(flags);
    [url, addr] = [ts.clientUrl, ts.clientAddr];
  }
  client = new Etcd3({ hosts: url, dialTimeout: 2000, faultHandling: { watchBackoff: quickRetry } });
});

after(async () => {
  client?.close();
  await ts?.kill();
  await real?.stop();
  if (dir) removeDir(dir);
  // A failed recipe test can leave the client's loops (election observer, campaign) retrying for good, which
  // would keep this test process alive after its results are in: leave once everything above is closed.
  setTimeout(() => process.exit(), 5000).unref();
});

const str = (b: Buffer | string | undefined | null): string | undefined =>
  b === undefined || b === null ? undefined : b.toString();

describe('etcd3 npm client against tsetcd', () => {
  test('put, get, getAll with prefix, sort, limit, count, delete', async () => {
    await client.put('kv/a').value('1');
    await client.put('kv/b').value('2');
    await client.put('kv/c').value('3');
    await client.put('other').value('x');
    assert.equal(await client.get('kv/a').string(), '1');
    assert.equal(await client.get('kv/none').string(), null);
    assert.equal(await client.get('kv/b').number(), 2);
    assert.deepEqual(await client.getAll().prefix('kv/').strings(), {
      'kv/a': '1',
      'kv/b': '2',
      'kv/c': '3',
    });
    assert.deepEqual(await client.getAll().prefix('kv/').sort('Key', 'Descend').limit(2).keys(), [
      'kv/c',
      'kv/b',
    ]);
    assert.equal(await client.getAll().prefix('kv/').count(), 3);
    assert.equal(await client.getAll().count(), 4);

    const prev = await client.put('kv/a').value('1b').getPrevious();
    assert.equal(str(prev.value), '1');
    assert.equal(prev.version, '1');
    const res = await client.get('kv/a').exec();
    assert.equal(res.kvs[0]!.version, '2');
    assert.equal(Number(res.kvs[0]!.mod_revision), Number(res.header.revision));
    // An old revision still reads the old value.
    assert.equal(await client.get('kv/a').revision(Number(prev.mod_revision)).string(), '1');

    const deleted = await client.delete().key('kv/b').getPrevious();
    assert.deepEqual(
      deleted.map((kv) => [str(kv.key), str(kv.value)]),
      [['kv/b', '2']],
    );
    const dr = await client.delete().prefix('kv/').exec();
    assert.equal(dr.deleted, '2');
    assert.deepEqual(await client.getAll().prefix('kv/').keys(), []);
    assert.equal((await client.delete().key('kv/zzz').exec()).deleted, '0');
    await client.delete().all();
    assert.equal(await client.getAll().count(), 0);
  });

  test('txn: if/then/else on value, version, create, mod', async () => {
    await client.put('tx').value('v1');
    const ok = await client
      .if('tx', 'Value', '==', 'v1')
      .and('tx', 'Version', '==', 1)
      .and('tx', 'Create', '>', 0)
      .then(client.put('tx').value('v2'), client.get('tx'))
      .else(client.put('tx').value('never'))
      .commit();
    assert.equal(ok.succeeded, true);
    assert.equal(ok.responses.length, 2);
    // Ops run in order in one write txn: a range after a put sees it (the compares saw the state before).
    assert.equal(str(ok.responses[1]!.response_range!.kvs[0]!.value), 'v2');
    const fail = await client
      .if('tx', 'Value', '==', 'v1')
      .then(client.put('tx').value('never'))
      .else(client.get('tx'), client.put('tx2').value('else-branch'))
      .commit();
    assert.equal(fail.succeeded, false);
    assert.equal(str(fail.responses[0]!.response_range!.kvs[0]!.value), 'v2');
    assert.equal(await client.get('tx2').string(), 'else-branch');
    assert.equal(await client.get('tx').string(), 'v2');
    // A missing key compares as version 0 / create revision 0.
    const missing = await client
      .if('tx-missing', 'Create', '==', 0)
      .then(client.put('tx-missing').value('c'))
      .commit();
    assert.equal(missing.succeeded, true);
    const mod = (await client.get('tx').exec()).kvs[0]!.mod_revision;
    const byMod = await client.if('tx', 'Mod', '==', mod).then(client.delete().key('tx')).commit();
    assert.equal(byMod.succeeded, true);
    assert.equal(await client.get('tx').string(), null);
  });

  test('watch: key with prev kv, prefix, puts and deletes, history from a start revision', async () => {
    const events: string[] = [];
    const w1 = await client.watch().key('w/one').withPreviousKV().create();
    w1.on('put', (kv, prev) => events.push(`put ${str(kv.key)}=${str(kv.value)} prev=${str(prev?.value)}`));
    w1.on('delete', (kv, prev) => events.push(`del ${str(kv.key)} prev=${str(prev?.value)}`));
    const prefixEvents: string[] = [];
    const w2 = await client.watch().prefix('w/').create();
    w2.on('put', (kv) => prefixEvents.push(`put ${str(kv.key)}`));
    w2.on('delete', (kv) => prefixEvents.push(`del ${str(kv.key)}`));

    const first = await client.put('w/one').value('a').exec();
    await client.put('w/two').value('b');
    await client.put('w/one').value('c');
    await client.delete().key('w/one');
    await client.put('x/outside').value('z');
    await until(() => events.length === 3 && prefixEvents.length === 4, 5000, 'watch events');
    assert.deepEqual(events, ['put w/one=a prev=undefined', 'put w/one=c prev=a', 'del w/one prev=c']);
    assert.deepEqual(prefixEvents, ['put w/one', 'put w/two', 'put w/one', 'del w/one']);

    // A new watcher from the first write's revision replays the same history.
    const history: string[] = [];
    const w3 = await client.watch().prefix('w/').startRevision(first.header.revision).create();
    w3.on('put', (kv) => history.push(`put ${str(kv.key)}@${kv.mod_revision}`));
    w3.on('delete', (kv) => history.push(`del ${str(kv.key)}@${kv.mod_revision}`));
    const r0 = Number(first.header.revision);
    await until(() => history.length === 4, 5000, 'history');
    assert.deepEqual(history, [
      `put w/one@${r0}`,
      `put w/two@${r0 + 1}`,
      `put w/one@${r0 + 2}`,
      `del w/one@${r0 + 3}`,
    ]);
    await Promise.all([w1.cancel(), w2.cancel(), w3.cancel()]);
  });

  test('lease with keepalive keeps its key past the TTL; released it expires; revoke removes keys', async () => {
    const lease = client.lease(2);
    let kept = 0;
    lease.on('keepaliveSucceeded', () => kept++);
    const leaseId = await lease.grant();
    await lease.put('lease/a').value('1');
    await lease.put('lease/b').value('2');
    const granted = Date.now();
    // Keepalives go out every TTL/3; once more than a TTL has passed the key only lives thanks to them.
    await until(() => kept >= 4 && Date.now() - granted > 2500, 10_000, 'keepalives');
    assert.equal(await client.get('lease/a').string(), '1');
    const ttl = await client.leaseClient.leaseTimeToLive({ ID: leaseId, keys: true });
    assert.ok(Number(ttl.TTL) > 0 && Number(ttl.TTL) <= 2, `TTL ${ttl.TTL}`);
    assert.equal(ttl.grantedTTL, '2');
    assert.deepEqual(ttl.keys.map((k) => k.toString()).sort(), ['lease/a', 'lease/b']);
    const kv = (await client.get('lease/a').exec()).kvs[0]!;
    assert.equal(kv.lease, leaseId);

    // Stop renewing: the server expires the lease and deletes its keys.
    lease.release();
    await until(async () => (await client.getAll().prefix('lease/').count()) === 0, 10_000, 'lease expiry');
    const gone = await client.leaseClient.leaseTimeToLive({ ID: leaseId });
    assert.equal(gone.TTL, '-1');

    const l2 = client.lease(60, { autoKeepAlive: false });
    await l2.put('lease/c').value('3');
    await l2.put('lease/d').value('4');
    await client.put('lease/plain').value('5');
    const ka = await l2.keepaliveOnce();
    assert.equal(ka.TTL, '60');
    await l2.revoke();
    assert.deepEqual(await client.getAll().prefix('lease/').keys(), ['lease/plain']);
    await assert.rejects(
      client
        .put('lease/e')
        .value('x')
        .lease(await l2.grant())
        .exec(),
      /requested lease not found/,
    );
  });

  test('lock recipe: a second holder is refused until the first releases', async () => {
    const a = await client.lock('locks/job').ttl(10).acquire();
    await assert.rejects(client.lock('locks/job').ttl(10).acquire(), EtcdLockFailedError);
    assert.equal(await client.getAll().prefix('locks/').count(), 1);
    await a.release();
    assert.equal(await client.getAll().prefix('locks/').count(), 0);
    const b = await client.lock('locks/job').ttl(10).acquire();
    assert.ok(await b.leaseId());
    await b.release();
  });

  test('election recipe: campaign, observe the leader, resign hands over', async () => {
    const election = client.election('elect/singer', 10);
    const c1 = election.campaign('alice');
    await c1.wait();
    // The recipe's observer started before any candidate can miss the first leader (with etcd too): start it
    // once alice leads.
    const observer = await election.observe();
    const seen: (string | undefined)[] = [];
    observer.on('change', (v) => seen.push(v));
    await until(() => observer.leader() === 'alice', 5000, 'observer sees alice');
    assert.equal(await election.leader(), 'alice');
    const c2 = election.campaign('bob');
    let bobElected = false;
    c2.on('elected', () => (bobElected = true));
    // bob queues behind alice: his key is there, he is not leader.
    await until(
      async () => (await client.getAll().prefix('election/elect/singer/').count()) === 2,
      5000,
      'bob campaigns',
    );
    assert.equal(bobElected, false);
    assert.equal(await election.leader(), 'alice');
    await c1.resign();
    await c2.wait();
    assert.equal(bobElected, true);
    assert.equal(await election.leader(), 'bob');
    await until(() => observer.leader() === 'bob' && seen.at(-1) === 'bob', 5000, 'observer sees bob');
    await c2.resign();
    await observer.cancel();
  });

  test('STM: concurrent read-modify-write transactions do not lose updates', async () => {
    await client.put('stm/counter').value('0');
    const bump = () =>
      client.stm({ retries: 20 }).transact(async (tx) => {
        const n = Number(await tx.get('stm/counter').string());
        await tx.put('stm/counter').value(String(n + 1));
      });
    await Promise.all(Array.from({ length: 8 }, bump));
    assert.equal(await client.get('stm/counter').string(), '8');
  });

  test('grpc.health.v1.Health/Check through a raw @grpc/grpc-js client', async () => {
    const raw = new grpc.Client(addr, grpc.credentials.createInsecure());
    const check = (service: string) =>
      new Promise<{ status?: number; code?: number; details?: string }>((resolve) => {
        const body = service
          ? Buffer.concat([Buffer.from([0x0a, service.length]), Buffer.from(service)])
          : Buffer.alloc(0);
        raw.makeUnaryRequest(
          '/grpc.health.v1.Health/Check',
          (b: Buffer) => b,
          (b: Buffer) => b,
          body,
          (err, res) => {
            if (err) resolve({ code: err.code, details: err.details });
            // HealthCheckResponse { ServingStatus status = 1 }: SERVING = 1.
            else resolve({ status: res!.length === 2 && res![0] === 0x08 ? res![1]! : -1 });
          },
        );
      });
    try {
      assert.deepEqual(await check(''), { status: 1 });
      // etcd 3.4 (grpc-go's health server) answers an unregistered service name this way.
      assert.deepEqual(await check('foo'), { code: grpc.status.NOT_FOUND, details: 'unknown service' });
    } finally {
      raw.close();
    }
  });

  test(
    'a watcher resumes after the server restarts, without losing or repeating events',
    { skip: againstEtcd },
    async () => {
      const got: string[] = [];
      const w: Watcher = await client.watch().prefix('resume/').create();
      w.on('put', (kv: IKeyValue) => got.push(`${str(kv.key)}=${str(kv.value)}@${kv.mod_revision}`));
      const r1 = await client.put('resume/a').value('1').exec();
      await until(() => got.length === 1, 5000, 'first event');
      const stopped = await ts!.stop();
      assert.equal(stopped, 0, ts!.log());
      ts = await startTsetcd(flags);
      // The client reconnects by itself; a write made before its watch stream is back must still arrive once.
      const r2 = await client.put('resume/b').value('2').exec();
      await client.put('resume/c').value('3');
      await until(() => got.length >= 3, 15_000, 'events after restart');
      const rev1 = Number(r1.header.revision);
      const rev2 = Number(r2.header.revision);
      assert.equal(rev2, rev1 + 1, 'the revision continues after the restart');
      assert.deepEqual(got, [`resume/a=1@${rev1}`, `resume/b=2@${rev2}`, `resume/c=3@${rev2 + 1}`]);
      await w.cancel();
    },
  );
});
