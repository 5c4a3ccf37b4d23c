// Typed failures of the snapshot files.

export class SnapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No usable snapshot file (etcd: "snap: no available snapshot"). */
export class SnapshotNotFoundError extends SnapError {}

/** A snapshot file that fails its checks: never used, reported with its name. */
export class SnapshotCorruptError extends SnapError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`snap: corrupt snapshot file ${file}: ${reason}`);
  }
}
