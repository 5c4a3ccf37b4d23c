// snapshot save: streams the backend snapshot of one member to <file>.part, checks the SHA-256 etcd appends
// to the stream, renames the file into place. A progress bar is drawn on a TTY only.
import type { SingleBar } from 'cli-progress';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { toNum } from '../../client/values.ts';
import { Exit, exitWithError, outln } from '../output.ts';
import type { CommandSpec } from '../spec.ts';

const save: CommandSpec = {
  name: 'save',
  use: 'save <filename>',
  short: 'Stores an etcd node backend snapshot to a given file',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'snapshot save expects one argument');
    const eps = ctx.globals.endpoints;
    if (eps.length !== 1)
      exitWithError(
        Exit.Interrupted,
        `snapshot must be requested to one selected node, not multiple [${eps.join(' ')}]`,
      );
    const path = args[0]!;
    const part = `${path}.part`;
    const fd = openSync(part, 'w', 0o600);
    const hash = createHash('sha256');
    // the last 32 bytes of the stream are the SHA-256 of everything before them
    let tail = Buffer.alloc(0);
    let bar: SingleBar | undefined;
    let written = 0;
    try {
      const stream = await ctx.client().snapshot();
      for await (const r of stream) {
        const blob = Buffer.from(r.blob);
        const remaining = toNum(r.remaining_bytes);
        if (!bar && process.stderr.isTTY) {
          bar = new (await import('cli-progress')).SingleBar({
            format: 'snapshot [{bar}] {percentage}% | {value}/{total} bytes',
            stream: process.stderr,
          });
          bar.start(blob.length + remaining, 0);
        }
        const all = Buffer.concat([tail, blob]);
        const keep = Math.min(32, all.length);
        const body = all.subarray(0, all.length - keep);
        tail = Buffer.from(all.subarray(all.length - keep));
        hash.update(body);
        writeSync(fd, body);
        written += blob.length;
        // the trailing SHA-256 is not counted in remaining_bytes: the bar counts database bytes
        bar?.update(Math.min(written, bar.getTotal()));
      }
      bar?.stop();
      if (tail.length === 32 && !hash.digest().equals(tail))
        exitWithError(Exit.Error, 'snapshot file integrity check failed: sha256 mismatch');
      writeSync(fd, tail);
      fsyncSync(fd);
    } catch (e) {
      bar?.stop();
      closeSync(fd);
      return exitWithError(Exit.Interrupted, e);
    }
    closeSync(fd);
    renameSync(part, path);
    outln(`Snapshot saved at ${path}`);
  },
};

const status: CommandSpec = {
  name: 'status',
  use: 'status <filename>',
  short: 'Gets backend snapshot status of a given file',
  offline: true,
  long:
    'When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.\n' +
    'The items in the lists are hash, revision, total keys, total size.',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'snapshot status requires exactly one argument');
    if (ctx.printer.format === 'protobuf') ctx.printer.unsupported();
    let ds;
    try {
      // the storage code (lmdb, the WAL) loads only for the commands that read data directories
      const { dbStatus } = await import('../snapshot/db-status.ts');
      ds = await dbStatus(args[0]!);
    } catch (e) {
      return exitWithError(Exit.Error, e);
    }
    ctx.printer.dbStatus(ds);
  },
};

const restore: CommandSpec = {
  name: 'restore',
  use: 'restore <filename> [options]',
  short: 'Restores an etcd member snapshot to an etcd directory',
  offline: true,
  flags: [
    { name: 'data-dir', type: 'string', def: '', desc: 'Path to the data directory' },
    {
      name: 'wal-dir',
      type: 'string',
      def: '',
      desc: 'Path to the WAL directory (use --data-dir if none given)',
    },
    {
      name: 'initial-cluster',
      type: 'string',
      def: 'default=http://localhost:2380',
      desc: 'Initial cluster configuration for restore bootstrap',
    },
    {
      name: 'initial-cluster-token',
      type: 'string',
      def: 'etcd-cluster',
      desc: 'Initial cluster token for the etcd cluster during restore bootstrap',
    },
    {
      name: 'initial-advertise-peer-urls',
      type: 'string',
      def: 'http://localhost:2380',
      desc: "List of this member's peer URLs to advertise to the rest of the cluster",
    },
    { name: 'name', type: 'string', def: 'default', desc: 'Human-readable name for this member' },
    {
      name: 'skip-hash-check',
      type: 'bool',
      def: 'false',
      desc: 'Ignore snapshot integrity hash value (required if copied from data directory)',
    },
  ],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'snapshot restore requires exactly one argument');
    const f = ctx.flags;
    const name = f.str('name');
    const { progressBar, restoreSnapshot } = await import('../snapshot/restore.ts');
    const bar = progressBar('restore');
    try {
      await restoreSnapshot({
        snapshotPath: args[0]!,
        dataDir: f.str('data-dir') || `${name}.etcd`,
        ...(f.str('wal-dir') ? { walDir: f.str('wal-dir') } : {}),
        name,
        initialCluster: f.str('initial-cluster'),
        initialClusterToken: f.str('initial-cluster-token'),
        initialAdvertisePeerUrls: f.strs('initial-advertise-peer-urls'),
        skipHashCheck: f.bool('skip-hash-check'),
        onProgress: (done, total) => bar.update(done, total),
      });
    } catch (e) {
      bar.stop();
      return exitWithError(Exit.Error, e);
    }
    bar.stop();
  },
};

export const snapshotCommand: CommandSpec = {
  name: 'snapshot',
  use: 'snapshot <subcommand>',
  short: 'Manages etcd node snapshots',
  sub: [restore, save, status],
};
