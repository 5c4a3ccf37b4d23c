#!/usr/bin/env node
// tsetcdctl: runs the compiled dist/ when it is up to date with src/, else the TypeScript sources through tsx
// (bin/dist.mjs has the rule; TSETCD_RUN=src|dist forces one).
import { launch } from './dist.mjs';

await launch('cmd/tsetcdctl.js', 'src/cmd/tsetcdctl.ts');
