// tsetcdctl in a real terminal (a private tmux server, one pty per command): interactive txn with its
// prompts, the password prompt of `user add` (no echo), the progress bar of snapshot save on a TTY and its
// absence when piped; and bash completion through the generated script.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '../../src/client/index.ts';
import {
  haveEtcd,
  startRealEtcd,
  startTsetcdServer,
  tsetcdctl,
  tsetcdctlBundle,
  type ServerUnderTest,
} from './harness.ts';

const haveTmux = spawnSync('tmux', ['-V']).status === 0;

describe(
  'tsetcdctl on a terminal',
  { skip: (!haveEtcd() && 'no /usr/bin/etcd') || (!haveTmux && 'no tmux') },
  () => {
    let dir: string;
    let bin: string;
    let socket: string;
    let ts: ServerUnderTest;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tsetcdctl-tty-'));
      socket = join(dir, 'tmux.sock');
      // a `tsetcdctl` on PATH, as a user has it
      bin = join(dir, 'bin');
      execFileSync('mkdir', [bin]);
      writeFileSync(
        join(bin, 'tsetcdctl'),
        `#!/bin/sh\nexec ${process.execPath} ${await tsetcdctlBundle()} "$@"\n`,
      );
      chmodSync(join(bin, 'tsetcdctl'), 0o755);
      ts = await startTsetcdServer('tty');
    });
    after(async () => {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
      await ts?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const tmux = (...args: string[]): string =>
      execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8', env: { ...process.env, TMUX: '' } });

    /** Runs `command` in a new 200-column window; returns helpers to type and to read the screen. */
    function terminal(name: string, command: string) {
      const env = `PATH=${bin}:${process.env['PATH']} ETCDCTL_API=3`;
      tmux(
        'new-session',
        '-d',
        '-s',
        name,
        '-x',
        '200',
        '-y',
        '50',
        `env ${env} sh -c '${command}; echo "EXIT=$?"; sleep 600'`,
      );
      const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name);
      return {
        screen,
        type: (line: string) => tmux('send-keys', '-t', name, '-l', line + '\r'),
        waitFor: async (re: RegExp, ms = 20_000): Promise<string> => {
          const end = Date.now() + ms;
          for (;;) {
            const s = screen();
            if (re.test(s)) return s;
            if (Date.now() > end) throw new Error(`screen never matched ${re}:\n${s}`);
            await sleep(50);
          }
        },
      };
    }

    it('txn -i: prompts for each list, reads the typed lines, prints the result', async () => {
      const ep = ts.endpoints[0]!;
      const c = new Client({ endpoints: ts.endpoints });
      await c.put('tty-key', 'one');
      c.close();
      const t = terminal('txn', `tsetcdctl --endpoints ${ep} txn -i`);
      await t.waitFor(/^compares:$/m);
      t.type('value("tty-key") = "one"');
      t.type('');
      await t.waitFor(/^success requests \(get, put, del\):$/m);
      t.type('put tty-key two');
      t.type('get tty-key');
      t.type('');
      await t.waitFor(/^failure requests \(get, put, del\):$/m);
      t.type('');
      const s = await t.waitFor(/EXIT=\d+/);
      const out = s.slice(s.indexOf('failure requests'));
      assert.match(out, /\nSUCCESS\n\nOK\n\ntty-key\ntwo\nEXIT=0/);
    });

    it('snapshot save: a progress bar on a terminal, nothing but the result line when piped', async () => {
      const ep = ts.endpoints[0]!;
      const f1 = join(dir, 'tty.db');
      const t = terminal('snap', `tsetcdctl --endpoints ${ep} snapshot save ${f1}`);
      const s = await t.waitFor(/EXIT=\d+/);
      assert.match(s, /snapshot \[=+\] 100% \| (\d+)\/\1 bytes/);
      assert.match(s, new RegExp(`Snapshot saved at ${f1}\\nEXIT=0`));
      const f2 = join(dir, 'piped.db');
      const r = await tsetcdctl(['--endpoints', ep, 'snapshot', 'save', f2]);
      assert.deepEqual([r.code, r.stdout.toString(), r.stderr], [0, `Snapshot saved at ${f2}\n`, '']);
      const r2 = await tsetcdctl(['snapshot', 'restore', f2, '--data-dir', join(dir, 'restored')]);
      assert.deepEqual([r2.code, r2.stdout.toString(), r2.stderr], [0, '', '']);
    });

    it('user add: asks for the password twice without echoing it (real etcd)', async () => {
      const e = await startRealEtcd('tty-auth');
      try {
        const t = terminal('user', `tsetcdctl --endpoints ${e.endpoints[0]} user add bob`);
        await t.waitFor(/Password of bob: $/m);
        t.type('s3cret');
        await t.waitFor(/Type password of bob again for confirmation: $/m);
        t.type('s3cret');
        const s = await t.waitFor(/EXIT=\d+/);
        assert.match(s, /User bob created\nEXIT=0/);
        assert.doesNotMatch(s, /s3cret/);
      } finally {
        await e.stop();
      }
    });

    it('bash completion: commands, subcommands, flags and flag values from the generated script', async () => {
      const script = join(dir, 'completion.bash');
      writeFileSync(script, (await tsetcdctl(['completion', 'bash'])).stdout);
      const complete = (...words: string[]): string[] => {
        const list = words.map((w) => `'${w}'`).join(' ');
        const cmd = `source ${script}; COMP_WORDS=(tsetcdctl ${list}); COMP_CWORD=${words.length}; _tsetcdctl_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
        const out = execFileSync('bash', ['-c', cmd], {
          encoding: 'utf8',
          env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` },
        });
        return out.split('\n').filter((l) => l !== '');
      };
      assert.deepEqual(complete('mem'), ['member']);
      assert.deepEqual(complete('member', ''), ['add', 'list', 'promote', 'remove', 'update']);
      assert.deepEqual(complete('snapshot', ''), ['restore', 'save', 'status']);
      assert.deepEqual(complete('get', '--pre'), ['--prefix']);
      assert.deepEqual(complete('-w', ''), ['simple', 'json', 'fields', 'protobuf', 'table']);
      assert.deepEqual(complete('--endpoints', 'x:1', 'lo'), ['lock']);
      assert.ok(!complete('').includes('__complete'));
    });
  },
);
