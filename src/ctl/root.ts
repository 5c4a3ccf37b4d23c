// The tsetcdctl command tree (etcdctl 3.4's v3 commands).
import { compactionCommand, delCommand, getCommand, putCommand } from './commands/kv.ts';
import type { CommandSpec } from './spec.ts';

export const ROOT: CommandSpec = {
  name: 'etcdctl',
  use: 'etcdctl',
  short: 'A simple command line client for etcd3.',
  sub: [getCommand, putCommand, delCommand, compactionCommand],
};
