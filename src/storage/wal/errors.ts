// Typed failures of the write-ahead log. The server tells "stop, the disk lies" (WalCorruptError) apart
// from "nothing here yet" (WalNotFoundError) and from a snapshot that the log does not know.

/** Base class: `instanceof WalError` catches every failure this package raises on purpose. */
export class WalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A record that fails its CRC, framing or sequence check anywhere but in a torn tail. Never repaired. */
export class WalCorruptError extends WalError {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`wal: corrupt record in ${file} at offset ${offset}: ${reason}`);
  }
}

/** The directory holds no WAL, or no segment covers the requested snapshot index. */
export class WalNotFoundError extends WalError {}

/** create() on a directory that already holds a WAL. */
export class WalExistsError extends WalError {}

/** open(dir, snapshot) found no snapshot marker with that index in the segments it read. */
export class WalSnapshotNotFoundError extends WalError {}

/** The WAL has a snapshot marker at the requested index but with another term. */
export class WalSnapshotMismatchError extends WalError {}

/** Two metadata records in the log disagree (etcd: "wal: conflicting metadata found"). */
export class WalMetadataConflictError extends WalError {}

/** Misuse: append before readAll(), readAll() twice, any call after close() or after a failed write. */
export class WalStateError extends WalError {}
