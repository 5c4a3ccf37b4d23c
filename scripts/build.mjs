#!/usr/bin/env node
// npm run build (and npm's `prepare`, so `npm ci` builds too): compile src/ to dist/ (tsc rewrites .ts import
// paths to .js), copy what tsc does not emit (the generated protobuf codecs, plain .js + .d.ts, and the .proto
// files the gateway reads), and stamp dist/ with the digest of the sources it was built from. bin/*.mjs run
// dist/ only while that stamp matches src/ (see bin/dist.mjs).
//
// The build goes to a fresh directory that replaces dist/ only when complete, so a command starting meanwhile
// sees either the old stamped dist/ (whose stamp no longer matches if src/ changed) or the new one.
import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIST_DIR, REPO_ROOT, STAMP_FILE, sourceDigest } from '../bin/dist.mjs';

process.chdir(REPO_ROOT);
const tmp = `${DIST_DIR}.build-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
const digest = sourceDigest();
const r = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', tmp],
  { stdio: 'inherit' },
);
if (r.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
cpSync('src/api/gen', join(tmp, 'api/gen'), { recursive: true });
cpSync('src/api/proto', join(tmp, 'api/proto'), { recursive: true });
// Sources edited while tsc ran: the output may mix old and new, so leave it unstamped (commands run src/).
const stamped = sourceDigest() === digest;
if (stamped)
  writeFileSync(join(tmp, STAMP_FILE), `${JSON.stringify({ digest, builtAt: new Date().toISOString() })}\n`);
const old = `${DIST_DIR}.old-${process.pid}`;
rmSync(old, { recursive: true, force: true });
try {
  renameSync(DIST_DIR, old);
} catch {
  // no previous dist/
}
renameSync(tmp, DIST_DIR);
rmSync(old, { recursive: true, force: true });
console.log(stamped ? 'built dist/' : 'built dist/, unstamped: src/ changed during the build; run it again');
