#!/usr/bin/env node
// npm run build: compile src/ to dist/ (tsc rewrites .ts import paths to .js), then copy what tsc does
// not emit: the generated protobuf codecs (plain .js + .d.ts) and the .proto files the gateway reads.
import { cpSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

rmSync('dist', { recursive: true, force: true });
const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
cpSync('src/api/gen', 'dist/api/gen', { recursive: true });
cpSync('src/api/proto', 'dist/api/proto', { recursive: true });
console.log('built dist/');
