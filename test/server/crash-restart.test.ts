// Durability of tsetcd as a real process: writers put unique keys over raw gRPC and record every
// acknowledged (key, value, revision); the server is SIGKILLed at a random moment and restarted on the same
// data dir. Every acknowledged write must be there with its value and revision, the revisions of this round
// must be dense (no hole: nothing lost before a write that survived), and the revision must continue where
// it stopped. Then: HashKV is unchanged by a clean restart, SIGTERM exits 0, and a second signal during the
// graceful shutdown exits at once. CRASH_ITERATIONS (default 5) sets the number of kill/restart rounds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { etcdserverpb } from '../../src/api/gen/etcd.js';
import { longToSafe } from '../../src/api/long.ts';
import {
  etcdctl,
  etcdctlBackground,
  removeDir,
  singleMemberFlags,
  startTsetcd,
  tempDir,
  until,
  type Flags,
  type TsetcdProcess,
} from './tsetcd-process.ts';

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 5);
const WRITERS = 4;

let dir = '';
let flags: Flags;
let ts: TsetcdProcess | undefined;

before(async () => {
  dir = tempDir('tsetcd-crash-');
  // A single member elects itself after one election timeout: keep it short, restarts are what this test does.
  flags = {
    ...(await singleMemberFlags(dir, 'crash')),
    'heartbeat-interval': '25',
    'election-timeout': '250',
  };
  ts = await startTsetcd(flags);
});

after(async () => {
  await ts?.kill();
  if (dir) removeDir(dir);
});

interface Ack {
  key: string;
  value: string;
  revision: number;
}

/** A raw gRPC KV client: no retries, so an acknowledgement means exactly one applied put. */
class Kv {
  private readonly client: grpc.Client;
  constructor(addr: string) {
    this.client = new grpc.Client(addr, grpc.credentials.createInsecure());
  }
  private call<Req, Res>(
    method: string,
    encode: (m: Req) => Uint8Array,
    decode: (b: Buffer) => Res,
    req: Req,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        `/etcdserverpb.KV/${method}`,
        (m: Req) => Buffer.from(encode(m)),
        decode,
        req,
        { deadline: Date.now() + 10_000 },
        (err, res) => (err ? reject(err) : resolve(res!)),
      );
    });
  }
  async put(key: string, value: string): Promise<number> {
    const r = await this.call(
      'Put',
      (m: etcdserverpb.IPutRequest) => etcdserverpb.PutRequest.encode(m).finish(),
      (b) => etcdserverpb.PutResponse.decode(b),
      { key: Buffer.from(key), value: Buffer.from(value) },
    );
    return longToSafe(r.header!.revision!);
  }
  /** Every key under `prefix` with its value and mod revision, and the store's revision. */
  async prefix(
    prefix: string,
  ): Promise<{ revision: number; kvs: Map<string, { value: string; mod: number }> }> {
    const end = Buffer.from(prefix);
    end[end.length - 1]!++;
    const r = await this.call(
      'Range',
      (m: etcdserverpb.IRangeRequest) => etcdserverpb.RangeRequest.encode(m).finish(),
      (b) => etcdserverpb.RangeResponse.decode(b),
      { key: Buffer.from(prefix), range_end: end },
    );
    const kvs = new Map<string, { value: string; mod: number }>();
    for (const kv of r.kvs ?? []) {
      kvs.set(Buffer.from(kv.key!).toString(), {
        value: Buffer.from(kv.value ?? []).toString(),
        mod: longToSafe(kv.mod_revision!),
      });
    }
    return { revision: longToSafe(r.header!.revision!), kvs };
  }
  close(): void {
    this.client.close();
  }
}

/** Checks every acknowledged write against what the restarted server holds. */
function checkAcks(
  acks: readonly Ack[],
  kvs: Map<string, { value: string; mod: number }>,
  what: string,
): void {
  for (const a of acks) {
    const kv = kvs.get(a.key);
    assert.ok(kv, `${what}: acknowledged ${a.key} (revision ${a.revision}) is missing`);
    assert.equal(kv.value, a.value, `${what}: value of ${a.key}`);
    assert.equal(kv.mod, a.revision, `${what}: revision of ${a.key}`);
  }
}

describe('tsetcd survives SIGKILL and restarts cleanly', () => {
  const allAcks: Ack[] = [];

  for (let it = 0; it < ITERATIONS; it++) {
    test(`round ${it}: SIGKILL during writes, restart, every acknowledged write is there`, async () => {
      const prefix = `r${it}/`;
      const kv = new Kv(ts!.clientAddr);
      const base = (await kv.prefix(prefix)).revision;
      const acks: Ack[] = [];
      let failures = 0;
      const writer = async (w: number): Promise<void> => {
        for (let seq = 0; ; seq++) {
          const key = `${prefix}${w}/${String(seq).padStart(6, '0')}`;
          const value = randomBytes(8).toString('hex');
          try {
            acks.push({ key, value, revision: await kv.put(key, value) });
          } catch {
            failures++;
            return; // the server is gone
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      await until(() => acks.length > 0, 10_000, 'first acknowledged put');
      const delay = 50 + Math.floor(Math.random() * 700);
      await new Promise((r) => setTimeout(r, delay));
      await ts!.kill();
      await Promise.all(writers);
      kv.close();
      const what = `round ${it} (killed ${delay} ms after the first ack, ${acks.length} acks)`;
      assert.equal(failures, WRITERS, `${what}: every writer saw the server go`);

      ts = await startTsetcd(flags);
      const kv2 = new Kv(ts.clientAddr);
      try {
        const now = await kv2.prefix(prefix);
        checkAcks(acks, now.kvs, what);
        // Only these writers wrote since `base`, one new key per revision: the survivors fill base+1..revision.
        const revs = [...now.kvs.values()].map((v) => v.mod).sort((a, b) => a - b);
        assert.deepEqual(
          revs,
          Array.from({ length: revs.length }, (_, i) => base + 1 + i),
          `${what}: revisions are dense`,
        );
        assert.equal(now.revision, base + revs.length, `${what}: store revision`);
        const maxAck = Math.max(...acks.map((a) => a.revision));
        assert.ok(now.revision >= maxAck);
        // Writes continue from there.
        const next = await kv2.put(`${prefix}after`, 'x');
        assert.equal(next, now.revision + 1, `${what}: next revision`);
        acks.push({ key: `${prefix}after`, value: 'x', revision: next });
        // Earlier rounds are untouched.
        allAcks.push(...acks);
        checkAcks(allAcks, (await kv2.prefix('r')).kvs, `${what}, all rounds`);
      } finally {
        kv2.close();
      }
    });
  }

  test('SIGTERM exits 0; HashKV and the revision are the same after the restart', async () => {
    const before = await etcdctl([`--endpoints=${ts!.clientAddr}`, 'endpoint', 'hashkv', '-w', 'json']);
    assert.equal(before.code, 0, before.stderr);
    const code = await ts!.stop();
    assert.equal(code, 0, `exit code after SIGTERM:\n${ts!.log().slice(-2000)}`);
    ts = await startTsetcd(flags);
    const afterRestart = await etcdctl([`--endpoints=${ts.clientAddr}`, 'endpoint', 'hashkv', '-w', 'json']);
    assert.equal(afterRestart.code, 0, afterRestart.stderr);
    const h = (r: string) => {
      const j = JSON.parse(r)[0].HashKV;
      return { hash: j.hash as number, revision: j.header.revision as number };
    };
    assert.deepEqual(h(afterRestart.stdout), h(before.stdout));
    assert.ok(h(before.stdout).revision > 1);
  });

  test('a second signal during the graceful shutdown exits at once; the data survives it', async () => {
    const kv = new Kv(ts!.clientAddr);
    const rev = await kv.put('second-signal', 'v');
    kv.close();
    // An open watch stream keeps the graceful shutdown in its grace period.
    const watch = etcdctlBackground([
      `--endpoints=${ts!.clientAddr}`,
      'watch',
      'second-signal',
      '--rev',
      String(rev),
    ]);
    try {
      await until(() => watch.stdout().includes('PUT'), 10_000, 'watch established');
      ts!.signal('SIGTERM');
      await until(() => ts!.log().includes('shutting down'), 10_000, 'shutdown started');
      ts!.signal('SIGINT');
      const code = await ts!.exited;
      assert.equal(code, 1, `exit code after a second signal:\n${ts!.log().slice(-2000)}`);
      assert.match(ts!.log(), /second signal: exiting now/);
    } finally {
      await watch.stop();
    }
    ts = await startTsetcd(flags);
    const kv2 = new Kv(ts.clientAddr);
    try {
      const got = await kv2.prefix('second-signal');
      assert.deepEqual(got.kvs.get('second-signal'), { value: 'v', mod: rev });
      checkAcks(allAcks, (await kv2.prefix('r')).kvs, 'after the second-signal exit');
    } finally {
      kv2.close();
    }
  });
});
