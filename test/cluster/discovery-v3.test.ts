// Bootstrap by v3 discovery (--discovery-endpoints + --discovery-token, etcd 3.5+'s protocol on the v3 KV
// API): three tsetcd members bootstrap through a real etcd 3.4 cluster, and through a tsetcd member, used
// as the discovery service. etcd 3.4 itself has no v3 discovery, so the reference is the protocol's key
// layout (/_etcd/registry/<token>/...) and error texts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import {
  etcdctl,
  singleMemberFlags,
  spawnTsetcd,
  startTsetcd,
  type TsetcdProcess,
} from '../server/tsetcd-process.ts';
import { memberIdFor, idHex } from '../../src/server/membership.ts';
import {
  asProc,
  haveEtcd,
  spawnEtcd,
  waitFor,
  memberFlags,
  memberPorts,
  startEtcdService,
  tempRoot,
  tsetcdMember,
  tsetcdStartError,
  waitHealthy,
  type Proc,
  type Service,
} from './discovery-helpers.ts';

const ctl = async (addr: string, ...args: string[]): Promise<string> => {
  const r = await etcdctl(['--endpoints', addr, ...args]);
  assert.equal(r.code, 0, `etcdctl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

describe('v3 discovery', () => {
  const tmp = tempRoot('tsetcd-disc3-');
  const procs: Proc[] = [];
  after(async () => {
    await Promise.all(procs.map((p) => p.kill()));
    tmp.cleanup();
  });

  /** Bootstraps 3 tsetcd members through the discovery service at `service` and checks the result. */
  async function bootstrapThree(
    service: string,
    token: string,
    tag: string,
    checkFull: boolean,
  ): Promise<void> {
    await ctl(service, 'put', `/_etcd/registry/${token}/_config/size`, '3');
    const ms = await memberPorts([`${tag}1`, `${tag}2`, `${tag}3`]);
    const discovery = { 'discovery-endpoints': service, 'discovery-token': token };
    const ts = ms.map((m) => asProc(tsetcdMember(memberFlags(m, join(tmp.root, m.name), discovery))));
    procs.push(...ts);
    await Promise.all(ms.map((m, i) => waitHealthy(`http://127.0.0.1:${m.client}`, ts[i]!)));

    // Registrations: /_etcd/registry/<token>/members/<member-id-hex> = name=peerURL, IDs from the token.
    const regs = (await ctl(service, 'get', '--prefix', `/_etcd/registry/${token}/members/`))
      .trim()
      .split('\n');
    const pairs = new Map<string, string>();
    for (let i = 0; i + 1 < regs.length; i += 2) pairs.set(regs[i]!, regs[i + 1]!);
    const expected = new Map(
      ms.map((m) => {
        const peer = `http://127.0.0.1:${m.peer}`;
        return [`/_etcd/registry/${token}/members/${idHex(memberIdFor([peer], token))}`, `${m.name}=${peer}`];
      }),
    );
    assert.deepEqual(pairs, expected);

    // One cluster of exactly those members, and writes replicate.
    const list = await ctl(`127.0.0.1:${ms[0]!.client}`, 'member', 'list');
    const ids = list
      .trim()
      .split('\n')
      .map((l) => l.split(',')[0]!)
      .sort();
    assert.deepEqual(ids, [...expected.keys()].map((k) => k.split('/').pop()!).sort(), list);
    await ctl(`127.0.0.1:${ms[1]!.client}`, 'put', 'via', token);
    for (const m of ms) {
      assert.equal((await ctl(`127.0.0.1:${m.client}`, 'get', 'via', '--print-value-only')).trim(), token);
    }

    if (!checkFull) {
      await Promise.all(ts.map((p) => p.kill()));
      return;
    }

    // A 4th member finds the cluster full.
    const [m4] = await memberPorts([`${tag}4`]);
    const late = tsetcdMember(
      memberFlags(m4!, join(tmp.root, `${tag}4`), { ...discovery, 'discovery-fallback': 'exit' }),
    );
    assert.equal(await late.exited, 1);
    assert.equal(
      tsetcdStartError(late.log()),
      'failed to join discovery cluster (discovery: cluster is full)',
    );
    await Promise.all(ts.map((p) => p.kill()));
  }

  describe('through a real etcd 3.4', { skip: !haveEtcd && 'no /usr/bin/etcd' }, () => {
    let svc: Service;
    before(async () => {
      svc = await startEtcdService(tmp.root);
    });
    after(async () => svc?.stop());

    test('3 tsetcd members bootstrap; a 4th finds the cluster full', async () => {
      await bootstrapThree(svc.clientAddr, 'etcd-token', 'e', true);
    });

    test('a missing or bad size ends discovery with etcd v3discovery texts', async () => {
      await ctl(svc.clientAddr, 'put', '/_etcd/registry/zero/_config/size', '0');
      await ctl(svc.clientAddr, 'put', '/_etcd/registry/word/_config/size', 'three');
      const cases: Array<[string, string]> = [
        ['missing', 'failed to join discovery cluster (discovery: size key not found)'],
        ['zero', 'failed to join discovery cluster (discovery: size key is bad)'],
        ['word', 'failed to join discovery cluster (discovery: size key is bad)'],
      ];
      const ports = await memberPorts(cases.map(([t]) => t));
      await Promise.all(
        cases.map(async ([token, want], i) => {
          const p = tsetcdMember(
            memberFlags(ports[i]!, join(tmp.root, `bad-${token}`), {
              'discovery-endpoints': svc.clientAddr,
              'discovery-token': token,
            }),
          );
          assert.equal(await p.exited, 1, token);
          assert.equal(tsetcdStartError(p.log()), want, token);
        }),
      );
      // Nothing registered under the refused tokens.
      const left = await ctl(
        svc.clientAddr,
        'get',
        '--prefix',
        '--keys-only',
        '/_etcd/registry/zero/members',
      );
      assert.equal(left.trim(), '');
    });
  });

  test(
    'TLS with a client certificate and user/password auth to the discovery service (real etcd 3.4)',
    { skip: (!haveEtcd && 'no /usr/bin/etcd') || (!existsSync('/usr/bin/openssl') && 'no openssl') },
    async () => {
      const dir = join(tmp.root, 'pki');
      mkdirSync(dir);
      const ssl = (...args: string[]): void => {
        execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      };
      const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'];
      ssl('req', '-x509', ...key, '-subj', '/CN=disco-ca', '-keyout', 'ca.key', '-out', 'ca.crt');
      for (const [name, ext] of [
        ['server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'],
        ['client', 'extendedKeyUsage=clientAuth'],
      ] as const) {
        writeFileSync(join(dir, `${name}.ext`), `${ext}\n`);
        ssl(
          'req',
          ...key.slice(0, 5),
          '-subj',
          `/CN=${name}`,
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.csr`,
        );
        ssl(
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.crt',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-days',
          '2',
          '-extfile',
          `${name}.ext`,
          '-out',
          `${name}.crt`,
        );
      }
      const [svcPorts] = await memberPorts(['tls-svc']);
      const svcUrl = `https://127.0.0.1:${svcPorts!.client}`;
      const etcd = spawnEtcd({
        ...memberFlags(svcPorts!, join(tmp.root, 'tls-svc'), {}),
        'listen-client-urls': svcUrl,
        'advertise-client-urls': svcUrl,
        'initial-cluster': `tls-svc=http://127.0.0.1:${svcPorts!.peer}`,
        'cert-file': join(dir, 'server.crt'),
        'key-file': join(dir, 'server.key'),
        'trusted-ca-file': join(dir, 'ca.crt'),
        'client-cert-auth': 'true',
      });
      procs.push(etcd);
      const tlsArgs = [
        '--endpoints',
        svcUrl,
        '--cacert',
        join(dir, 'ca.crt'),
        '--cert',
        join(dir, 'client.crt'),
        '--key',
        join(dir, 'client.key'),
      ];
      await waitFor(
        async () => (await etcdctl([...tlsArgs, 'endpoint', 'health'])).code === 0,
        60_000,
        'TLS etcd',
      );
      const admin = async (...args: string[]): Promise<void> => {
        const r = await etcdctl([...tlsArgs, ...args]);
        assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      };
      await admin('user', 'add', 'root', '--new-user-password', 'rootpw');
      await admin('auth', 'enable');
      await admin('--user', 'root:rootpw', 'put', '/_etcd/registry/secure/_config/size', '1');

      const [m, wrong] = await memberPorts(['secure', 'wrongpw']);
      const secure = {
        'discovery-endpoints': svcUrl,
        'discovery-token': 'secure',
        'discovery-cacert': join(dir, 'ca.crt'),
        'discovery-cert': join(dir, 'client.crt'),
        'discovery-key': join(dir, 'client.key'),
        'discovery-dial-timeout': '1s',
      };
      // A wrong password: every attempt fails authentication, retried with backoff as etcd does.
      const bad = asProc(
        tsetcdMember(
          memberFlags(wrong!, join(tmp.root, 'wrongpw'), { ...secure, 'discovery-user': 'root:nope' }),
        ),
      );
      procs.push(bad);
      const good = asProc(
        tsetcdMember(
          memberFlags(m!, join(tmp.root, 'secure'), { ...secure, 'discovery-user': 'root:rootpw' }),
        ),
      );
      procs.push(good);
      await waitHealthy(`http://127.0.0.1:${m!.client}`, good);
      const reg = await etcdctl([
        ...tlsArgs,
        '--user',
        'root:rootpw',
        'get',
        '--prefix',
        '/_etcd/registry/secure/members/',
      ]);
      assert.equal(reg.code, 0, reg.stderr);
      const peer = `http://127.0.0.1:${m!.peer}`;
      assert.equal(
        reg.stdout.trim(),
        `/_etcd/registry/secure/members/${idHex(memberIdFor([peer], 'secure'))}\nsecure=${peer}`,
      );
      await waitFor(() => /cannot reach the discovery service; retrying/.test(bad.log()), 60_000, 'a retry');
      assert.match(bad.log(), /authentication failed, invalid user ID or password/);
      assert.ok(bad.alive(), 'still retrying');
      await Promise.all([good.kill(), bad.kill(), etcd.kill()]);
    },
  );

  test('through a tsetcd member as the discovery service', async () => {
    const flags = await singleMemberFlags(join(tmp.root, 'svc'), 'svc');
    let svc: TsetcdProcess | undefined;
    try {
      svc = await startTsetcd(flags);
      await bootstrapThree(svc.clientAddr, 'tsetcd-token', 't', false);
    } finally {
      await svc?.stop();
    }
  });

  test('conflicting bootstrap flags are refused before anything starts', async () => {
    const runs = [
      [
        [
          '--discovery-endpoints=127.0.0.1:1',
          '--discovery-token=t',
          '--initial-cluster=a=http://127.0.0.1:2',
        ],
        'multiple discovery or bootstrap flags are set. Choose one of "initial-cluster", "discovery", "discovery-endpoints" or "discovery-srv"',
      ],
      [['--discovery-token=t'], 'both --discovery-token and --discovery-endpoints must be set'],
    ] as const;
    await Promise.all(
      runs.map(async ([args, msg]) => {
        const p = spawnTsetcd(args);
        assert.equal(await p.exited, 1);
        assert.equal(p.log().trim(), `error verifying flags, ${msg}. See 'tsetcd --help'.`);
      }),
    );
  });
});
