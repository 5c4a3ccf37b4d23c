// lock and elect: the client-side recipes, with several tsetcdctl processes contending on one server (real
// etcd and tsetcd): mutual exclusion, hand-over on Ctrl-C, exec form, elections seen by an observer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  haveEtcd,
  startRealEtcd,
  startTsetcdServer,
  tsetcdctl,
  tsetcdctlBackground,
  type ServerUnderTest,
  type StartServer,
} from './harness.ts';

for (const [label, start] of [
  ['etcd', startRealEtcd],
  ['tsetcd', startTsetcdServer],
] as Array<[string, StartServer]>) {
  describe(`lock and elect on ${label}`, { skip: !haveEtcd() && 'no /usr/bin/etcd' }, () => {
    let s: ServerUnderTest;
    let ep: string[];
    before(async () => {
      s = await start('recipes');
      ep = ['--endpoints', s.endpoints[0]!];
    });
    after(() => s?.stop());

    const keysUnder = async (prefix: string): Promise<string[]> => {
      const r = await tsetcdctl([...ep, 'get', prefix, '--prefix', '--keys-only']);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout
        .toString()
        .split('\n')
        .filter((l) => l !== '');
    };

    it('lock: one holder at a time; Ctrl-C hands the lock to the next waiter; keys removed', async () => {
      const a = await tsetcdctlBackground([...ep, 'lock', 'L']);
      await a.waitFor(/^L\/[0-9a-f]+\n\n$/);
      const b = await tsetcdctlBackground([
        ...ep,
        'lock',
        'L',
        '--',
        'sh',
        '-c',
        'echo "got $ETCD_LOCK_KEY"',
      ]);
      // b has queued its key behind a's and must not run its command while a holds the lock
      for (let i = 0; i < 200 && (await keysUnder('L/')).length < 2; i++)
        await new Promise((r) => setTimeout(r, 50));
      const queued = await keysUnder('L/');
      assert.equal(queued.length, 2, `two contenders queued: ${queued}`);
      assert.equal(b.stdout(), '');
      const aKey = a.stdout().split('\n')[0]!;
      assert.ok(queued.includes(aKey));
      a.signal('SIGINT');
      assert.equal(await a.exited, 0, a.stderr());
      await b.waitFor(/^got L\/[0-9a-f]+\n$/);
      assert.equal(await b.exited, 0, b.stderr());
      assert.notEqual(b.stdout().trim().slice(4), aKey);
      assert.deepEqual(await keysUnder('L/'), []);
    });

    it('lock: exec form reports the command failure as etcdctl does', async () => {
      const r = await tsetcdctl([...ep, 'lock', 'L2', '--', 'sh', '-c', 'exit 3']);
      assert.deepEqual([r.code, r.stderr], [1, 'Error: exit status 3\n']);
      const n = await tsetcdctl([...ep, 'lock', 'L2', 'no-such-command-here']);
      assert.deepEqual(
        [n.code, n.stderr],
        [1, 'Error: exec: "no-such-command-here": executable file not found in $PATH\n'],
      );
      assert.deepEqual(await keysUnder('L2/'), []);
    });

    it('elect: leader, observer, next candidate takes over on Ctrl-C', async () => {
      const a = await tsetcdctlBackground([...ep, 'elect', 'E', 'p1']);
      await a.waitFor(/^E\/[0-9a-f]+\np1\n$/);
      const o = await tsetcdctlBackground([...ep, 'elect', '-l', 'E']);
      await o.waitFor(/^E\/[0-9a-f]+\np1\n$/);
      const b = await tsetcdctlBackground([...ep, '-w', 'json', 'elect', 'E', 'p2']);
      for (let i = 0; i < 200 && (await keysUnder('E/')).length < 2; i++)
        await new Promise((r) => setTimeout(r, 50));
      assert.equal((await keysUnder('E/')).length, 2);
      assert.equal(b.stdout(), '');
      a.signal('SIGINT');
      assert.equal(await a.exited, 0, a.stderr());
      await b.waitFor(/"value":"cDI="/);
      await o.waitFor(/\np2\n$/);
      const json = JSON.parse(b.stdout()) as { kvs: Array<{ key: string }> };
      assert.match(Buffer.from(json.kvs[0]!.key, 'base64').toString(), /^E\/[0-9a-f]+$/);
      b.signal('SIGTERM');
      o.signal('SIGINT');
      assert.deepEqual([await b.exited, await o.exited], [0, 0]);
      assert.deepEqual(await keysUnder('E/'), []);
    });
  });
}
