#!/usr/bin/env node
// Runs the TypeScript sources of tsetcdctl directly through tsx's loader (no build step needed).
import { register } from 'tsx/esm/api';
register();
await import('../src/cmd/tsetcdctl.ts');
