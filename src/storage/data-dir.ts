// etcd's data directory layout and the checks made before a member touches it:
//
//   <data-dir>/member/wal/      write-ahead log segments (or the directory given by --wal-dir)
//   <data-dir>/member/snap/     raft snapshot files and the backend file `db` (+ LMDB's `db-lock`)
//
// Directories are 0700, files 0600 (etcd's fileutil.PrivateDirMode / PrivateFileMode). etcd 3.4
// only logs a warning for a directory with another mode and for unknown entries in the data
// directory; tsetcd refuses to start instead (the issue asks for it): the data directory holds every
// key and the auth database, and an unknown layout usually means a wrong --data-dir, where creating
// `member/` would scatter a fresh member into someone else's files.
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export interface DataDirLayout {
  dataDir: string;
  /** <data-dir>/member */
  memberDir: string;
  /** <data-dir>/member/wal, or the --wal-dir directory. */
  walDir: string;
  /** <data-dir>/member/snap */
  snapDir: string;
  /** <data-dir>/member/snap/db: the backend file (LmdbBackend takes `snapDir` as its dir). */
  backendPath: string;
  /** Nothing of an earlier run to recover: the WAL directory holds no entry and there is no backend file. */
  fresh: boolean;
}

export interface DataDirOptions {
  /** A dedicated WAL directory (etcd's --wal-dir); member/wal is then not used. */
  walDir?: string;
}

export const DataDirProblem = {
  /** A directory whose mode is not 0700. */
  permission: 'permission',
  /** A directory that exists but is not laid out like an etcd data directory. */
  foreignLayout: 'foreign-layout',
  /** A path that must be a directory is something else. */
  notDirectory: 'not-directory',
} as const;
export type DataDirProblem = (typeof DataDirProblem)[keyof typeof DataDirProblem];

export class DataDirError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly problem: DataDirProblem,
  ) {
    super(message);
    this.name = 'DataDirError';
  }
}

// Top-level entries tolerated besides `member`: the root of an ext* file system mounted as the data
// directory has lost+found, and etcd's writability probe leaves `.touch` if it dies mid-probe.
// `fixtures` holds the certificates --auto-tls and --peer-auto-tls generate (etcd keeps them there too).
const PROBE_FILE = '.touch';
const TOLERATED_TOP_LEVEL = new Set(['lost+found', PROBE_FILE, 'fixtures']);

const octal = (mode: number) => '0' + (mode & 0o777).toString(8).padStart(3, '0');

// stat, not lstat: a data directory reached through a symlink is common and fine.
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The paths of the layout, without looking at the disk. */
export function dataDirPaths(dataDir: string, opts: DataDirOptions = {}): Omit<DataDirLayout, 'fresh'> {
  const root = resolve(dataDir);
  const memberDir = join(root, 'member');
  const snapDir = join(memberDir, 'snap');
  return {
    dataDir: root,
    memberDir,
    walDir: opts.walDir !== undefined ? resolve(opts.walDir) : join(memberDir, 'wal'),
    snapDir,
    backendPath: join(snapDir, 'db'),
  };
}

/**
 * Checks an existing (or missing) directory that must be private: a directory, mode exactly 0700.
 * Returns false when it does not exist.
 */
function checkPrivateDir(path: string, what: string): boolean {
  const st = statOrUndefined(path);
  if (st === undefined) return false;
  if (!st.isDirectory()) {
    throw new DataDirError(
      `${what} ${JSON.stringify(path)} exists but is not a directory`,
      path,
      'not-directory',
    );
  }
  const mode = st.mode & 0o777;
  if (mode !== PRIVATE_DIR_MODE) {
    throw new DataDirError(
      `${what} ${JSON.stringify(path)} has permission ${octal(mode)}; it must be ${octal(PRIVATE_DIR_MODE)} ` +
        `so that no other user can read or change the member's data (fix: chmod 700 ${JSON.stringify(path)})`,
      path,
      'permission',
    );
  }
  return true;
}

/**
 * Inspects the data directory without changing anything. A missing or empty directory is fine
 * (fresh); otherwise every directory of the layout must be 0700 and the data directory may hold
 * nothing but `member` (and the dedicated WAL directory when it lives there). Throws DataDirError.
 */
export function checkDataDir(dataDir: string, opts: DataDirOptions = {}): DataDirLayout {
  const paths = dataDirPaths(dataDir, opts);
  const dedicatedWal = opts.walDir !== undefined;

  if (checkPrivateDir(paths.dataDir, 'data directory')) {
    const allowed = new Set(['member', ...TOLERATED_TOP_LEVEL]);
    if (dedicatedWal && dirname(paths.walDir) === paths.dataDir) allowed.add(basename(paths.walDir));
    const foreign = readdirSync(paths.dataDir).filter((name) => !allowed.has(name));
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).map((n) => JSON.stringify(n));
      if (foreign.length > 5) shown.push(`and ${foreign.length - 5} more`);
      throw new DataDirError(
        `data directory ${JSON.stringify(paths.dataDir)} is not an etcd data directory: it holds ${shown.join(', ')} ` +
          `besides "member"; check --data-dir`,
        paths.dataDir,
        'foreign-layout',
      );
    }
    const member = statOrUndefined(paths.memberDir);
    if (member !== undefined && !member.isDirectory()) {
      throw new DataDirError(
        `data directory ${JSON.stringify(paths.dataDir)} is not an etcd data directory: "member" is not a directory`,
        paths.memberDir,
        'foreign-layout',
      );
    }
    if (checkPrivateDir(paths.memberDir, 'member directory')) {
      if (!dedicatedWal) checkPrivateDir(paths.walDir, 'WAL directory');
      checkPrivateDir(paths.snapDir, 'snapshot directory');
      const db = statOrUndefined(paths.backendPath);
      if (db !== undefined && !db.isFile()) {
        throw new DataDirError(
          `backend file ${JSON.stringify(paths.backendPath)} exists but is not a regular file`,
          paths.backendPath,
          'foreign-layout',
        );
      }
    }
  }
  if (dedicatedWal) checkPrivateDir(paths.walDir, 'WAL directory (--wal-dir)');

  const walHasEntries =
    statOrUndefined(paths.walDir) !== undefined &&
    readdirSync(paths.walDir).some((name) => name !== PROBE_FILE);
  const fresh = !walHasEntries && statOrUndefined(paths.backendPath) === undefined;
  return { ...paths, fresh };
}

/** mkdir -p with every directory it creates set to exactly `mode` (regardless of the umask). */
function makePrivateDirs(path: string): void {
  const missing: string[] = [];
  for (let p = path; statOrUndefined(p) === undefined; p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    mkdirSync(p, { mode: PRIVATE_DIR_MODE });
    chmodSync(p, PRIVATE_DIR_MODE);
  }
}

/** Like etcd's fileutil.IsDirWriteable: create and remove a file, to fail early on a read-only mount. */
function probeWritable(dir: string): void {
  const probe = join(dir, PROBE_FILE);
  writeFileSync(probe, '', { mode: PRIVATE_FILE_MODE });
  rmSync(probe);
}

/**
 * checkDataDir, then creates whatever directories of the layout are missing (0700) and makes sure
 * each one is writable. `fresh` describes the directory as it was found.
 */
export function prepareDataDir(dataDir: string, opts: DataDirOptions = {}): DataDirLayout {
  const layout = checkDataDir(dataDir, opts);
  for (const dir of [layout.dataDir, layout.memberDir, layout.walDir, layout.snapDir]) {
    makePrivateDirs(dir);
    probeWritable(dir);
  }
  return layout;
}
