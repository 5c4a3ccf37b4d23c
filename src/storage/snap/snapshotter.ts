// Raft snapshot files in `<data-dir>/member/snap/`, named `%016x-%016x.snap` (term, index) like etcd, so
// that name order is (term, index) order.
//
// API
//   new Snapshotter(dir, {onWarning?})   creates dir (0700) if missing, removes leftover `.snap.tmp` files
//   save(snapshot)                       tmp file, fsync, rename, fsync dir; returns the file name
//   loadNewest()                         newest file that passes its checks
//   loadNewestAvailable(walMarkers)      newest file whose (term, index) the WAL also has a marker for
//   load(name), names()                  one file; every snap file name, newest first
//   purge(keep)                          deletes all but the `keep` newest files
//
// A file that fails its checks is never used: it is renamed to `<name>.broken` (as etcd does, so it is
// kept for inspection and not tried again) and reported through onWarning; loading goes on with the next
// older file. Loads throw SnapshotNotFoundError when nothing usable is left.
import fs from 'node:fs';
import path from 'node:path';
import type { Snapshot } from '../../api/raft-types.ts';
import { isEmptySnapshot } from '../../api/raft-types.ts';
import { SnapshotCorruptError, SnapshotNotFoundError } from './errors.ts';
import { decodeSnapFile, encodeSnapFile } from './snap-file.ts';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const NAME = /^([0-9a-f]{16})-([0-9a-f]{16})\.snap$/;

export interface SnapshotWarning {
  file: string;
  reason: string;
  /** Where the broken file was moved, when the rename worked. */
  renamedTo?: string;
}

export interface SnapshotterOptions {
  /** Told about every broken file skipped. Default: ignore (the caller logs). */
  onWarning?: (w: SnapshotWarning) => void;
}

export function snapFileName(term: number, index: number): string {
  return `${term.toString(16).padStart(16, '0')}-${index.toString(16).padStart(16, '0')}.snap`;
}

export function parseSnapFileName(name: string): { term: number; index: number } | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const term = Number.parseInt(m[1]!, 16);
  const index = Number.parseInt(m[2]!, 16);
  if (!Number.isSafeInteger(term) || !Number.isSafeInteger(index)) return undefined;
  return { term, index };
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class Snapshotter {
  private readonly onWarning: (w: SnapshotWarning) => void;

  constructor(
    readonly dir: string,
    opts: SnapshotterOptions = {},
  ) {
    this.onWarning = opts.onWarning ?? (() => {});
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    for (const n of fs.readdirSync(dir))
      if (n.endsWith('.snap.tmp')) fs.rmSync(path.join(dir, n), { force: true });
  }

  /** Writes `snapshot` durably. An empty snapshot (index 0) is not written (returns undefined), as in etcd. */
  save(snapshot: Snapshot): string | undefined {
    if (isEmptySnapshot(snapshot)) return undefined;
    const name = snapFileName(snapshot.metadata.term, snapshot.metadata.index);
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp`;
    const fd = fs.openSync(tmp, 'w', FILE_MODE);
    try {
      const buf = encodeSnapFile(snapshot);
      let done = 0;
      while (done < buf.length) done += fs.writeSync(fd, buf, done, buf.length - done, done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, final);
    fsyncDir(this.dir);
    return name;
  }

  /** Snapshot file names, newest (highest term, then index) first. */
  names(): string[] {
    return fs
      .readdirSync(this.dir)
      .filter((n) => parseSnapFileName(n) !== undefined)
      .sort()
      .reverse();
  }

  /** Reads and checks one file; throws SnapshotCorruptError (file untouched) or an fs error. */
  load(name: string): Snapshot {
    const expect = parseSnapFileName(name);
    if (!expect) throw new SnapshotCorruptError(name, 'not a snapshot file name');
    return decodeSnapFile(fs.readFileSync(path.join(this.dir, name)), name, expect);
  }

  loadNewest(): Snapshot {
    return this.loadFirstGood(this.names());
  }

  /**
   * The newest snapshot that the WAL has a marker for (pass WAL.readSnapshotMarkers(walDir)): a snap
   * file written after the last marker that reached the WAL cannot be matched with the log, so it is
   * passed over (but not renamed: it is not broken).
   */
  loadNewestAvailable(walMarkers: readonly { index: number; term: number }[]): Snapshot {
    const known = new Set(walMarkers.map((m) => `${m.term}/${m.index}`));
    return this.loadFirstGood(
      this.names().filter((n) => {
        const p = parseSnapFileName(n)!;
        return known.has(`${p.term}/${p.index}`);
      }),
    );
  }

  /** Deletes every snap file but the `keep` newest. Returns the names deleted. */
  purge(keep: number): string[] {
    const gone = this.names().slice(Math.max(0, keep));
    for (const n of gone) fs.rmSync(path.join(this.dir, n), { force: true });
    if (gone.length > 0) fsyncDir(this.dir);
    return gone;
  }

  private loadFirstGood(names: readonly string[]): Snapshot {
    for (const name of names) {
      try {
        return this.load(name);
      } catch (err) {
        if (!(err instanceof SnapshotCorruptError)) throw err;
        const warning: SnapshotWarning = { file: path.join(this.dir, name), reason: err.reason };
        try {
          fs.renameSync(warning.file, `${warning.file}.broken`);
          warning.renamedTo = `${warning.file}.broken`;
        } catch {
          // Keep going: the file is skipped this time either way.
        }
        this.onWarning(warning);
      }
    }
    throw new SnapshotNotFoundError(`snap: no available snapshot in ${this.dir}`);
  }
}
