// Bootstrap by DNS SRV records, against a real DNS server (Debian's dnsmasq) on a loopback port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { freePorts, startInProcess, until } from './helpers.ts';

const DNSMASQ = '/usr/sbin/dnsmasq';
const haveDnsmasq = spawnSync(DNSMASQ, ['--version']).status === 0;

test(
  'three members find each other through _etcd-server._tcp SRV records',
  { skip: !haveDnsmasq && 'dnsmasq not installed' },
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'tsetcd-srv-'));
    const [dnsPort, ...peerPorts] = await freePorts(4);
    const domain = 'tsetcd.test';
    const conf = join(root, 'dnsmasq.conf');
    writeFileSync(
      conf,
      [
        'no-resolv',
        'no-hosts',
        `port=${dnsPort}`,
        'listen-address=127.0.0.1',
        'bind-interfaces',
        ...peerPorts.map((p) => `srv-host=_etcd-server._tcp.${domain},localhost,${p}`),
      ].join('\n'),
    );
    const dnsmasq = spawn(DNSMASQ, ['--keep-in-foreground', `--conf-file=${conf}`, '--pid-file='], {
      stdio: 'ignore',
    });
    const saved = process.env.TSETCD_DNS_SERVER;
    process.env.TSETCD_DNS_SERVER = `127.0.0.1:${dnsPort}`;
    const members: EtcdServer[] = [];
    try {
      await new Promise((r) => setTimeout(r, 300));
      const started = await Promise.all(
        peerPorts.map((p, i) =>
          startInProcess([
            '--name',
            `srv${i + 1}`,
            '--data-dir',
            join(root, `srv${i + 1}.etcd`),
            '--discovery-srv',
            domain,
            '--listen-peer-urls',
            `http://127.0.0.1:${p}`,
            '--initial-advertise-peer-urls',
            `http://localhost:${p}`,
            '--heartbeat-interval',
            '20',
            '--election-timeout',
            '200',
          ]),
        ),
      );
      members.push(...started);
      await until(() => members.some((m) => m.isLeader), 10_000, 'a leader');
      assert.equal(new Set(members.map((m) => m.clusterId)).size, 1, 'one cluster');
      const list = members[0]!.memberList().members!;
      assert.equal(list.length, 3);
      assert.deepEqual(
        list.map((m) => m.peerURLs![0]).sort(),
        peerPorts.map((p) => `http://localhost:${p}`).sort(),
      );
      await members[1]!.put({ key: Buffer.from('srv'), value: Buffer.from('ok') });
      const r = await members[2]!.range({ key: Buffer.from('srv') });
      assert.equal(Buffer.from(r.kvs![0]!.value!).toString(), 'ok');
    } finally {
      await Promise.all(members.map((m) => m.stop()));
      dnsmasq.kill('SIGKILL');
      if (saved === undefined) delete process.env.TSETCD_DNS_SERVER;
      else process.env.TSETCD_DNS_SERVER = saved;
      rmSync(root, { recursive: true, force: true });
    }
  },
);
