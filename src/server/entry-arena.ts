// Memory for the data of raft entries this member proposes. An entry stays in raft's in-memory log until the
// log is compacted after a snapshot (up to --snapshot-count entries, 100,000 by default), and entries leave it
// oldest first. An ArrayBuffer of its own per entry costs several times the entry's few hundred bytes (the
// objects, the backing store, and work for the collector on every cycle: 30,000 puts left 30,000 ArrayBuffers),
// and a slice of Node's shared Buffer pool would keep that pool's 8 KiB slab, with whatever short-lived bytes
// share it, alive as long as the entry. So entries are carved out of slabs of their own, which fill and die in
// log order.

const SLAB_BYTES = 64 * 1024;
/** Larger data gets a buffer of its own (it would waste most of a slab's tail). */
const MAX_SLICE_BYTES = 8 * 1024;

let slab = new Uint8Array(0);
let used = 0;

/** Zero-filled room for `size` bytes of entry data (a view into a shared slab when small). */
export function entryBytes(size: number): Uint8Array {
  if (size > MAX_SLICE_BYTES) return new Uint8Array(size);
  if (used + size > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    used = 0;
  }
  const out = slab.subarray(used, used + size);
  used += size;
  return out;
}

/** `data` as entry data: copied into a slab unless it already is entry data or is large. */
export function asEntryData(data: Uint8Array): Uint8Array {
  if (data.buffer === slab.buffer || data.length > MAX_SLICE_BYTES) return data;
  const out = entryBytes(data.length);
  out.set(data);
  return out;
}
