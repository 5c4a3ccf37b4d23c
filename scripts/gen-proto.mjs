#!/usr/bin/env node
// Generates static protobufjs codecs (ES module + .d.ts) from src/api/proto into src/api/gen/, committed so a
// fresh clone needs no generation step. Run after editing a .proto: npm run gen
//
// - Each top-level .proto file becomes its own codec (raftpb.proto → gen/raftpb.js), property names in
//   lowerCamelCase (protobufjs' default).
// - Each subdirectory becomes ONE bundle (proto/etcd/*.proto → gen/etcd.js) because its files import each
//   other; generating them apart would define shared types twice. Bundles keep etcd's field names as
//   written in the .proto (--keep-case): objects read `range_end`, `create_revision`, `TTL`, `peerURLs`,
//   exactly the names etcd's JSON gateway prints, so toObject/fromObject are the gateway mapping with no
//   renaming table. Each bundle gets its own protobufjs root named after the directory.
import { readdirSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const protoDir = 'src/api/proto';
const outDir = 'src/api/gen';
const groups = new Map(); // output name -> { files, flags }
for (const name of readdirSync(protoDir).sort()) {
  const p = join(protoDir, name);
  if (statSync(p).isDirectory()) {
    const files = readdirSync(p)
      .filter((n) => n.endsWith('.proto'))
      .sort()
      .map((n) => join(p, n));
    if (files.length > 0) groups.set(name, { files, flags: ['--keep-case', '-r', name] });
  } else if (name.endsWith('.proto')) {
    groups.set(name.replace(/\.proto$/, ''), { files: [p], flags: [] });
  }
}
const bin = (n) => join('node_modules', '.bin', n);
for (const [name, { files, flags }] of groups) {
  const js = join(outDir, `${name}.js`);
  const dts = join(outDir, `${name}.d.ts`);
  run(bin('pbjs'), [
    '-t',
    'static-module',
    '-w',
    'es6',
    '--no-verify',
    '--no-delimited',
    '--no-beautify',
    ...flags,
    '-p',
    protoDir,
    '-o',
    js,
    ...files,
  ]);
  // protobufjs/minimal is CommonJS; name the file so Node's ESM resolver finds it.
  writeFileSync(js, readFileSync(js, 'utf8').replace('"protobufjs/minimal"', '"protobufjs/minimal.js"'));
  run(bin('pbts'), ['-o', dts, js]);
  console.log(`generated ${js}`);
}
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
