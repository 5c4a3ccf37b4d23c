// snapshot save: streams the backend snapshot of one member to <file>.part, checks the SHA-256 etcd appends
// to the stream, renames the file into place. A progress bar is drawn on a TTY only.
import { SingleBar } from 'cli-progress';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { toNum } from '../../client/index.ts';
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
          bar = new SingleBar({
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
        bar?.update(written);
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

export const snapshotCommand: CommandSpec = {
  name: 'snapshot',
  use: 'snapshot <subcommand>',
  short: 'Manages etcd node snapshots',
  sub: [save],
};
