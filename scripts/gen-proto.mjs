#!/usr/bin/env node
// Generates static protobufjs codecs (ES module + .d.ts) for every .proto under src/api/proto.
// Output goes to src/api/gen/ and is committed, so a fresh clone needs no generation step.
// Run after editing a .proto: npm run gen
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const protoDir = 'src/api/proto';
const outDir = 'src/api/gen';
const groups = new Map(); // output name -> list of proto files
for (const f of readdirSync(protoDir).filter((n) => n.endsWith('.proto')).sort()) {
  groups.set(f.replace(/\.proto$/, ''), [join(protoDir, f)]);
}
const bin = (n) => join('node_modules', '.bin', n);
for (const [name, files] of groups) {
  const js = join(outDir, `${name}.js`);
  const dts = join(outDir, `${name}.d.ts`);
  run(bin('pbjs'), ['-t', 'static-module', '-w', 'es6', '--no-verify', '--no-delimited', '--no-beautify', '-p', protoDir, '-o', js, ...files]);
  // protobufjs/minimal is CommonJS; name the file so Node's ESM resolver finds it.
  writeFileSync(js, readFileSync(js, 'utf8').replace('"protobufjs/minimal"', '"protobufjs/minimal.js"'));
  run(bin('pbts'), ['-o', dts, js]);
  console.log(`generated ${js}`);
}
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
