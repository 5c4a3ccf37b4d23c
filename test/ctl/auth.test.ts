// auth, user and role commands: tsetcdctl against etcdctl 3.4 on twin real etcds (tsetcd has no auth yet),
// every output format, argument errors, and a session with auth enabled (credentials, permission checks).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { etcdserverpb } from '../../src/api/gen/etcd.js';
import {
  etcdctl,
  haveEtcd,
  identify,
  LeaseNames,
  normalize,
  startRealEtcd,
  tsetcdctl,
  tsetcdctlBundle,
  type Identity,
  type Run,
  type RunOptions,
  type ServerUnderTest,
} from './harness.ts';

const FORMATS = ['simple', 'json', 'fields', 'protobuf', 'table'];

describe(
  'auth, user, role: tsetcdctl vs etcdctl on twin etcds',
  { skip: !haveEtcd() && 'no /usr/bin/etcd' },
  () => {
    let a: ServerUnderTest;
    let b: ServerUnderTest;
    let idA: Identity;
    let idB: Identity;
    before(async () => {
      [a, b] = await Promise.all([startRealEtcd('auth'), startRealEtcd('auth'), tsetcdctlBundle()]);
      [idA, idB] = await Promise.all([identify(a), identify(b)]);
    });
    after(() => Promise.all([a?.stop(), b?.stop()]));

    const none = new LeaseNames();
    const view = (r: Run, id: Identity, pbType: string | undefined): object => {
      let stdout = normalize(r.stdout.toString('latin1'), id, none);
      if (pbType && r.stdout.length > 0) {
        const codec = (etcdserverpb as any)[pbType];
        const m = codec.decode(r.stdout);
        m.header.cluster_id = 0;
        m.header.member_id = 0;
        stdout = Buffer.from(codec.encode(m).finish()).toString('hex');
      }
      return { code: r.code, stdout, stderr: normalize(r.stderr, id, none) };
    };

    async function same(args: string[], opts: RunOptions & { pbType?: string } = {}): Promise<void> {
      const [ra, rb] = await Promise.all([
        etcdctl(['--endpoints', a.endpoints[0]!, ...args], opts),
        tsetcdctl(['--endpoints', b.endpoints[0]!, ...args], opts),
      ]);
      const pbType = args.includes('protobuf') ? opts.pbType : undefined;
      assert.deepEqual(view(rb, idB, pbType), view(ra, idA, pbType), args.join(' '));
    }
    const all = (lines: string[][]): Promise<unknown> => Promise.all(lines.map((l) => same(l)));
    const formats = (args: string[], pbType: string): Promise<unknown> =>
      Promise.all(FORMATS.map((w) => same(['-w', w, ...args], { pbType })));

    it('roles: add, grant-permission (key, range, prefix, from-key), get and list in every format, revoke', async () => {
      await same(['role', 'add', 'r1']);
      await same(['-w', 'json', 'role', 'add', 'r2']);
      await all([
        ['role', 'add', 'r1'],
        ['role', 'add'],
        ['role', 'list', 'x'],
        ['role', 'get', 'nope'],
      ]);
      await same(['role', 'grant-permission', 'r1', 'read', 'foo']);
      await same(['role', 'grant-permission', 'r1', 'write', 'pre', '--prefix']);
      await same(['role', 'grant-permission', 'r1', 'readwrite', 'a', 'c']);
      await same(['-w', 'fields', 'role', 'grant-permission', 'r1', 'READ', 'from', '--from-key']);
      await same(['role', 'grant-permission', 'r2', 'read', '', '--prefix']);
      await all([
        ['role', 'grant-permission', 'r1', 'bogus', 'foo'],
        ['role', 'grant-permission', 'r1', 'read'],
        ['role', 'grant-permission', 'r1', 'read', 'a', 'b', '--prefix'],
        ['role', 'grant-permission', 'r1', 'read', 'a', '--prefix', '--from-key'],
      ]);
      await formats(['role', 'get', 'r1'], 'AuthRoleGetResponse');
      await formats(['role', 'get', 'r2'], 'AuthRoleGetResponse');
      await formats(['role', 'list'], 'AuthRoleListResponse');
      await same(['role', 'revoke-permission', 'r1', 'foo']);
      await same(['role', 'revoke-permission', 'r1', 'a', 'c']);
      await same(['role', 'revoke-permission', 'r1', 'from', '--from-key']);
      await all([
        ['role', 'revoke-permission', 'r1', 'nothing'],
        ['role', 'revoke-permission', 'r1'],
      ]);
      await same(['role', 'get', 'r1']);
    });

    it('users: add (user:password, flag, stdin, no password), get/list in every format, roles, passwd, delete', async () => {
      await same(['user', 'add', 'u1:pw1']);
      await same(['user', 'add', 'u2', '--new-user-password', 'pw2']);
      await same(['user', 'add', 'u3', '--interactive=false'], { input: 'pw3\n' });
      await same(['-w', 'json', 'user', 'add', 'u4', '--no-password']);
      await all([
        ['user', 'add', 'u1:again'],
        ['user', 'add', ':x'],
        ['user', 'add'],
        ['user', 'get', 'nobody'],
      ]);
      await same(['user', 'grant-role', 'u1', 'r1']);
      await same(['user', 'grant-role', 'u1', 'r2']);
      await all([
        ['user', 'grant-role', 'u1'],
        ['user', 'grant-role', 'u1', 'nope'],
      ]);
      await formats(['user', 'get', 'u1'], 'AuthUserGetResponse');
      await formats(['user', 'list'], 'AuthUserListResponse');
      await same(['user', 'get', 'u1', '--detail']);
      await same(['user', 'revoke-role', 'u1', 'r2']);
      await same(['user', 'passwd', 'u1', '--interactive=false'], { input: 'newpw\n' });
      await same(['-w', 'fields', 'user', 'delete', 'u2']);
      await all([
        ['user', 'delete', 'u2'],
        ['user', 'revoke-role', 'u1', 'r2'],
        ['user', 'passwd'],
      ]);
    });

    it('auth enable/disable: needs root, then credentials; permissions enforced', async () => {
      await same(['auth', 'enable']);
      await same(['user', 'add', 'root:rootpw']);
      await all([
        ['auth', 'enable', 'x'],
        ['auth', 'disable', 'x'],
      ]);
      await same(['auth', 'enable']);
      // With auth on, every command authenticates first (bcrypt on the server: slow on a busy machine), so
      // these run one at a time and with a long command timeout on both sides.
      const slow = ['--command-timeout', '30s'];
      for (const l of [
        ['get', 'foo'],
        ['--user', 'root:rootpw', 'put', 'foo', 'bar'],
        ['--user', 'root:wrong', 'get', 'foo'],
        ['--user', 'root', '--password', 'rootpw', 'user', 'list'],
        ['--user', 'root:x', '--password', 'rootpw', 'user', 'list'],
        ['--user', 'u1:newpw', 'get', 'foo'],
        ['--user', 'u1:newpw', 'put', 'pre/1', 'x'],
        ['--user', 'u1:newpw', 'put', 'foo', 'x'],
        ['--user', 'u1:newpw', 'role', 'list'],
      ])
        await same([...slow, ...l]);
      await same([...slow, '--user', 'root:rootpw', 'auth', 'disable']);
      await same(['get', 'pre/1']);
    });
  },
);
