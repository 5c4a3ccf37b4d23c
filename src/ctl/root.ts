// The tsetcdctl command tree (etcdctl 3.4's v3 commands).
import {
  alarmCommand,
  defragCommand,
  endpointCommand,
  memberCommand,
  moveLeaderCommand,
  versionCommand,
} from './commands/cluster.ts';
import { authCommand, roleCommand, userCommand } from './commands/auth.ts';
import { checkCommand } from './commands/check.ts';
import { makeMirrorCommand } from './commands/make-mirror.ts';
import { completionCommand } from './commands/completion.ts';
import { compactionCommand, delCommand, getCommand, putCommand } from './commands/kv.ts';
import { electCommand } from './commands/elect.ts';
import { leaseCommand } from './commands/lease.ts';
import { lockCommand } from './commands/lock.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { txnCommand } from './commands/txn.ts';
import { watchCommand } from './commands/watch.ts';
import { printHelp } from './cli.ts';
import type { CommandSpec } from './spec.ts';

export const ROOT: CommandSpec = {
  name: 'etcdctl',
  use: 'etcdctl',
  short: 'A simple command line client for etcd3.',
  sub: [
    alarmCommand,
    authCommand,
    checkCommand,
    compactionCommand,
    completionCommand,
    defragCommand,
    delCommand,
    electCommand,
    endpointCommand,
    getCommand,
    {
      name: 'help',
      use: 'help [command]',
      short: 'Help about any command',
      offline: true,
      long:
        'Help provides help for any command in the application.\n' +
        'Simply type etcdctl help [path to command] for full details.',
      async run(_ctx, args) {
        printHelp(ROOT, args);
      },
    },
    leaseCommand,
    lockCommand,
    makeMirrorCommand,
    memberCommand,
    moveLeaderCommand,
    putCommand,
    roleCommand,
    snapshotCommand,
    txnCommand,
    userCommand,
    versionCommand,
    watchCommand,
  ],
};
