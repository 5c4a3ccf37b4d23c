// Small shared helpers of the raft package: entry sizes, message construction, message classes.
import { MessageType } from '../api/raft-types.ts';
import type { Entry, Message } from '../api/raft-types.ts';

/** Index/term value meaning "not in the log" (compacted away or not written yet). */
export const NO_TERM = -1;

/** A bound that never cuts anything (maxSize arguments). */
export const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Approximate encoded size of an entry: the payload plus a fixed allowance for the protobuf framing
 * of term, index and type. The allowance keeps empty entries from being free, so a byte budget of 0
 * still means "one entry per message".
 */
export function entrySize(e: Entry): number {
  return e.data.length + 16;
}

/** Payload bytes only: what the uncommitted-size limit counts (etcd counts payloads too). */
export function payloadSize(ents: readonly Entry[]): number {
  let s = 0;
  for (let i = 0; i < ents.length; i++) s += ents[i]!.data.length;
  return s;
}

/** How many leading entries of ents fit in maxSize bytes; at least one if any. */
export function limitCount(ents: readonly Entry[], from: number, to: number, maxSize: number): number {
  if (to <= from) return 0;
  if (maxSize >= NO_LIMIT) return to - from;
  let size = entrySize(ents[from]!);
  let n = 1;
  for (let i = from + 1; i < to; i++) {
    size += entrySize(ents[i]!);
    if (size > maxSize) break;
    n++;
  }
  return n;
}

/** Cuts ents so their total size stays within maxSize (always keeps the first entry). */
export function limitSize(ents: Entry[], maxSize: number): Entry[] {
  const n = limitCount(ents, 0, ents.length, maxSize);
  return n === ents.length ? ents : ents.slice(0, n);
}

/** A message with every field present, so all messages share one object shape. */
export function newMessage(type: MessageType, to: bigint, from: bigint, term: number): Message {
  return {
    type,
    to,
    from,
    term,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    snapshot: undefined,
    reject: false,
    rejectHint: 0,
    context: undefined,
  };
}

/** Messages a node generates for itself; they must never arrive from the network. */
export function isLocalMsg(t: MessageType): boolean {
  return (
    t === MessageType.MsgHup ||
    t === MessageType.MsgBeat ||
    t === MessageType.MsgUnreachable ||
    t === MessageType.MsgSnapStatus ||
    t === MessageType.MsgCheckQuorum
  );
}

/** Responses: only meaningful from a peer that is part of the configuration. */
export function isResponseMsg(t: MessageType): boolean {
  return (
    t === MessageType.MsgAppResp ||
    t === MessageType.MsgVoteResp ||
    t === MessageType.MsgHeartbeatResp ||
    t === MessageType.MsgUnreachable ||
    t === MessageType.MsgPreVoteResp
  );
}

export function voteRespMsgType(t: MessageType): MessageType {
  if (t === MessageType.MsgVote) return MessageType.MsgVoteResp;
  if (t === MessageType.MsgPreVote) return MessageType.MsgPreVoteResp;
  throw new Error(`not a vote message: ${t}`);
}

/** Context of a forced election started by leader transfer; it overrides check-quorum leases. */
export const CAMPAIGN_TRANSFER = new TextEncoder().encode('CampaignTransfer');

export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A map key for opaque request contexts (ReadIndex): one char per byte. */
export function bytesKey(b: Uint8Array | undefined): string {
  if (b === undefined || b.length === 0) return '';
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
