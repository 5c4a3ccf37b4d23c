// The raft package: a deterministic Raft state machine (no I/O, no clock, no randomness of its own).
export * from './types.ts';
export { RawNode } from './raw-node.ts';
export { MemoryStorage } from './memory-storage.ts';
