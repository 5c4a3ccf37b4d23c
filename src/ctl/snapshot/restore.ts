// `snapshot restore`: builds a new tsetcd data directory from a tsetcd snapshot file (or from an etcd 3.4
// snapshot, whose data bbolt-import.ts carries over), as etcdctl does for etcd — the member starts as part
// of a brand-new cluster (new member and cluster IDs from --name, --initial-cluster,
// --initial-cluster-token) holding the snapshot's keys, revisions and leases.
//
// What a member reads at start (src/server/etcd-server.ts) and what is written here:
// - <data-dir>/member/snap/db: the snapshot's database with its membership replaced: the `members` bucket
//   holds the new members, `members_removed` is emptied, `cluster` holds the new cluster ID. Its consistent
//   index (the raft index of the last entry applied to it) is kept: call it N (at least 1).
// - a raft snapshot file at (N, term of N) whose ConfState lists the new members as voters, so raft starts
//   with an empty log after N and the full new configuration (every member writes the same, so the new
//   members agree on the log from the start);
// - the WAL: metadata (etcdserverpb.Metadata: this member's ID, the cluster ID), a snapshot marker at
//   (N, term) and a hard state committing N.
// Nothing needs replaying: the backend already stands for index N.
import { SingleBar } from 'cli-progress';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { ConfState } from '../../api/raft-types.ts';
import { etcdserverpb } from '../../api/gen/etcd.js';
import { u64ToLong } from '../../api/long.ts';
import { Bucket } from '../../storage/backend/backend.ts';
import { BACKEND_FILE, LmdbBackend } from '../../storage/backend/lmdb-backend.ts';
import { prepareDataDir, PRIVATE_FILE_MODE } from '../../storage/data-dir.ts';
import { Snapshotter } from '../../storage/snap/snapshotter.ts';
import { WAL } from '../../storage/wal/wal.ts';
import { clusterIdFor, memberIdFor, Membership, urlString, type Member } from '../../server/membership.ts';
import { importBbolt } from './bbolt-import.ts';
import { inspectSnapshotFile, type SnapshotFile } from './snapshot-file.ts';
import { join } from 'node:path';

export interface RestoreConfig {
  snapshotPath: string;
  dataDir: string;
  /** Default <data-dir>/member/wal. */
  walDir?: string;
  name: string;
  /** `name=url,name=url,…` as etcd's --initial-cluster. */
  initialCluster: string;
  initialClusterToken: string;
  initialAdvertisePeerUrls: string[];
  skipHashCheck: boolean;
  /** Called as the database is copied (bytes done, bytes total). */
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreResult {
  memberId: bigint;
  clusterId: bigint;
  members: Member[];
  index: number;
  term: number;
}

/** etcd's --initial-cluster: name=url pairs; a name may repeat for several URLs. */
export function parseInitialCluster(s: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of s.split(',')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`invalid initial cluster entry ${JSON.stringify(part)}`);
    const name = part.slice(0, eq);
    const url = urlString(new URL(part.slice(eq + 1)));
    m.set(name, [...(m.get(name) ?? []), url]);
  }
  return m;
}

/** The new members and this one, with etcd's checks of --name / --initial-advertise-peer-urls. */
export function newMembers(cfg: RestoreConfig): { self: Member; members: Member[]; clusterId: bigint } {
  const urls = parseInitialCluster(cfg.initialCluster);
  if (urls.size === 0) throw new Error('initial cluster unset and no discovery URL found');
  const members: Member[] = [...urls].map(([name, peerURLs]) => ({
    id: memberIdFor(peerURLs, cfg.initialClusterToken),
    name,
    peerURLs,
    clientURLs: [],
    isLearner: false,
  }));
  const self = members.find((m) => m.name === cfg.name);
  if (!self)
    throw new Error(
      `couldn't find local name ${JSON.stringify(cfg.name)} in the initial cluster configuration`,
    );
  const adv = cfg.initialAdvertisePeerUrls.map((u) => urlString(new URL(u)));
  if ([...adv].sort().join(',') !== [...self.peerURLs].sort().join(',')) {
    throw new Error(
      `--initial-cluster has ${cfg.name}=${self.peerURLs.join(',')} but missing from --initial-advertise-peer-urls=${adv.join(',')}`,
    );
  }
  const seen = new Set<string>();
  for (const m of members) {
    for (const u of m.peerURLs) {
      if (seen.has(u)) throw new Error(`initial cluster ${cfg.initialCluster} has duplicate url ${u}`);
      seen.add(u);
    }
  }
  return { self, members, clusterId: clusterIdFor(members.map((m) => m.id)) };
}

/** Copies the first `size` bytes of `from` to a new file `to`, checking the appended SHA-256 on the way. */
function copyDb(
  from: string,
  to: string,
  size: number,
  sha: Buffer | undefined,
  onProgress?: (d: number, t: number) => void,
): void {
  const hash = createHash('sha256');
  const src = openSync(from, 'r');
  const dst = openSync(to, 'wx', PRIVATE_FILE_MODE);
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let off = 0; off < size;) {
      const n = readSync(src, buf, 0, Math.min(buf.length, size - off), off);
      if (n === 0) throw new Error(`unexpected end of ${from}`);
      hash.update(buf.subarray(0, n));
      writeSync(dst, buf, 0, n);
      off += n;
      onProgress?.(off, size);
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  if (sha) shaMismatch(sha, hash.digest());
}

function shaMismatch(want: Buffer, got: Buffer): void {
  if (!got.equals(want))
    throw new Error(`expected sha256 [${[...want].join(' ')}], got [${[...got].join(' ')}]`);
}

export async function restoreSnapshot(cfg: RestoreConfig): Promise<RestoreResult> {
  const { self, members, clusterId } = newMembers(cfg);
  if (existsSync(cfg.dataDir)) throw new Error(`data-dir ${JSON.stringify(cfg.dataDir)} exists`);
  const f = inspectSnapshotFile(cfg.snapshotPath, 'open');
  if (!f.sha256 && !cfg.skipHashCheck) throw new Error('snapshot missing hash but --skip-hash-check=false');
  const walExisted = cfg.walDir !== undefined && existsSync(cfg.walDir);
  try {
    return await build(cfg, f, self, members, clusterId);
  } catch (e) {
    // nothing of a half-built directory may be mistaken for a member later: the directory is ours
    rmSync(cfg.dataDir, { recursive: true, force: true });
    if (cfg.walDir && !walExisted) rmSync(cfg.walDir, { recursive: true, force: true });
    throw e;
  }
}

async function build(
  cfg: RestoreConfig,
  f: SnapshotFile,
  self: Member,
  members: Member[],
  clusterId: bigint,
): Promise<RestoreResult> {
  const layout = prepareDataDir(cfg.dataDir, cfg.walDir ? { walDir: cfg.walDir } : {});
  const sha = cfg.skipHashCheck ? undefined : f.sha256;
  if (f.format === 'lmdb') copyDb(f.path, join(layout.snapDir, BACKEND_FILE), f.dbSize, sha, cfg.onProgress);

  const backend = new LmdbBackend({ dir: layout.snapDir });
  let index: number;
  let term: number;
  try {
    if (f.format === 'bbolt') {
      // an etcd snapshot: check it, then carry its data over into the fresh LMDB file
      const db = readFileSync(f.path).subarray(0, f.dbSize);
      if (sha) shaMismatch(sha, createHash('sha256').update(db).digest());
      const { consistentIndex } = importBbolt(db, backend);
      backend.setConsistentIndex({ index: Math.max(consistentIndex, 1), term: 1 });
      cfg.onProgress?.(f.dbSize, f.dbSize);
    }
    const everything = new Uint8Array(0);
    for (const bucket of [Bucket.members, Bucket.membersRemoved]) {
      for (const { key } of backend.range(bucket, everything, everything)) backend.delete(bucket, key);
    }
    const membership = new Membership(backend, clusterId);
    membership.clusterId = clusterId;
    for (const m of members) membership.add(m);
    membership.saveClusterId();
    const ci = backend.consistentIndex();
    index = Math.max(ci.index, 1);
    term = Math.max(ci.term, 1);
    backend.setConsistentIndex({ index, term });
  } finally {
    await backend.close();
  }

  const confState: ConfState = { voters: members.map((m) => m.id), learners: [] };
  new Snapshotter(layout.snapDir).save({
    data: Buffer.from(JSON.stringify({ members: members.map((m) => m.id.toString(16)) })),
    metadata: { index, term, confState },
  });
  const metadata = etcdserverpb.Metadata.encode({
    NodeID: u64ToLong(self.id),
    ClusterID: u64ToLong(clusterId),
  }).finish();
  const wal = WAL.create(layout.walDir, metadata);
  try {
    wal.saveSnapshot({ index, term, confState });
    wal.save({ term, vote: 0n, commit: index }, [], true);
  } finally {
    wal.close();
  }
  return { memberId: self.id, clusterId, members, index, term };
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        bar = new SingleBar({
          format: `${label} [{bar}] {percentage}% | {value}/{total} bytes`,
          stream: process.stderr,
        });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
