// What tsetcdctl loads to start a command. The command tree, help, completion and `version` must come up
// without the client (gRPC, the protobuf codecs) or the storage code (lmdb, WAL) behind snapshot restore;
// a command that talks to a server loads the client but not storage. Checked by recording every module
// the ES module loader resolves (a resolve hook, registered after tsx's) in a real tsetcdctl process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'tsetcdctl-startup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(log, r.url + '\\n');
  return r;
}
`,
);
writeFileSync(
  join(dir, 'register.mjs'),
  `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: process.env.TSETCDCTL_LOAD_LOG } });
`,
);

interface Started {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every module URL resolved, relative to the repository (node_modules/… for packages). */
  loaded: string[];
}

let runs = 0;
function start(args: string[]): Started {
  const log = join(dir, `load-${runs++}.log`);
  writeFileSync(log, '');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', join(dir, 'register.mjs'), 'src/cmd/tsetcdctl.ts', ...args],
    {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, TSETCDCTL_LOAD_LOG: log },
      timeout: 60_000,
    },
  );
  const root = new URL(`file://${process.cwd()}/`).href;
  const loaded = [
    ...new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((u) => u.replace(root, '').replace(/^.*\/node_modules\//, 'node_modules/')),
    ),
  ];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const CLIENT = [
  /^node_modules\/@grpc\/grpc-js\//,
  /^node_modules\/protobufjs\//,
  /^src\/api\/gen\//,
  /^src\/client\/client\.ts$/,
];
const STORAGE = [/^node_modules\/lmdb\//, /^src\/storage\//, /^node_modules\/cli-progress\//];

function loadedOf(s: Started, patterns: RegExp[]): string[] {
  return s.loaded.filter((u) => patterns.some((p) => p.test(u)));
}

describe('tsetcdctl start-up loads only what the command needs', () => {
  const offline: Array<[string[], number, RegExp]> = [
    [['version'], 0, /^etcdctl version: 3\.4\.\d+\nAPI version: 3\.4\n$/],
    [['--help'], 0, /^NAME:\n\tetcdctl - A simple command line client for etcd3\./],
    [['get', '--help'], 0, /--print-value-only/],
    [['help', 'lease'], 0, /keep-alive\tKeeps leases alive \(renew\)/],
    [['completion', 'bash'], 0, /^# bash completion for tsetcdctl/],
    [['__complete', 'le'], 0, /^lease\n$/],
    [['nosuch'], 1, /^$/],
  ];
  for (const [args, code, stdout] of offline) {
    it(`${args.join(' ')}: neither the client nor storage`, () => {
      const s = start(args);
      assert.equal(s.code, code, s.stderr);
      assert.match(s.stdout, stdout);
      if (args[0] === 'nosuch') assert.match(s.stderr, /unknown command "nosuch" for "etcdctl"/);
      // the hook saw the command tree load (so an empty list below is not a hook that recorded nothing)
      assert.ok(s.loaded.includes('src/ctl/root.ts'), s.loaded.join(' '));
      assert.deepEqual(loadedOf(s, [...CLIENT, ...STORAGE]), []);
    });
  }

  it('get: the client, but not storage', () => {
    const s = start(['--endpoints', '127.0.0.1:1', '--dial-timeout', '300ms', 'get', 'k']);
    assert.equal(s.code, 1);
    assert.match(s.stderr, /context deadline exceeded/);
    for (const p of CLIENT) assert.ok(loadedOf(s, [p]).length > 0, `${p} loaded`);
    assert.deepEqual(loadedOf(s, STORAGE), []);
  });

  it('snapshot status: storage, but not the client', () => {
    const s = start(['snapshot', 'status', join(dir, 'missing.db')]);
    assert.notEqual(s.code, 0);
    assert.ok(loadedOf(s, [/^src\/storage\//]).length > 0, 'storage loaded');
    assert.deepEqual(loadedOf(s, CLIENT), []);
  });
});
