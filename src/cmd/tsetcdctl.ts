#!/usr/bin/env -S npx tsx
// tsetcdctl: etcdctl 3.4's v3 command line, in TypeScript.
import { runCli } from '../ctl/cli.ts';
import { ROOT } from '../ctl/root.ts';

// No top-level await: the tests bundle this entry as CommonJS to start it from a V8 code cache.
void runCli(process.argv.slice(2), ROOT).then((code) => {
  // Watches, keepalives and open channels must not keep the process alive once the command is done.
  process.exit(code);
});
