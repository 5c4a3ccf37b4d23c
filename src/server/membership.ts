// Cluster membership: who the members are (raft attributes: peer URLs, learner flag; other
// attributes: name, client URLs), how their IDs are derived, and where they are kept.
//
// IDs are derived exactly as etcd derives them, so a tsetcd member started with the same flags as
// an etcd member gets the same member and cluster IDs (the default single member is
// 8e9e05c52164694d in cluster cdf818194e3a8c32, in both):
// - member ID = first 8 bytes (big-endian) of SHA-1(sorted peer URLs ++ cluster token [++ unix time
//   when added at runtime]);
// - cluster ID = first 8 bytes of SHA-1(sorted member IDs, 8 bytes big-endian each).
import { createHash } from 'node:crypto';
import type { Backend } from '../storage/backend/backend.ts';
import { Bucket } from '../storage/backend/backend.ts';

export interface Member {
  id: bigint;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

/** Go's url.URL.String() of a parsed URL: no trailing slash for an empty path. */
export function urlString(u: URL): string {
  const s = u.href;
  return u.pathname === '/' && !s.endsWith('//') && s.endsWith('/') ? s.slice(0, -1) : s;
}

export function memberIdFor(
  peerURLs: readonly string[],
  clusterToken: string,
  nowUnixSeconds?: number,
): bigint {
  const h = createHash('sha1');
  for (const u of [...peerURLs].sort()) h.update(u);
  h.update(clusterToken);
  if (nowUnixSeconds !== undefined) h.update(String(nowUnixSeconds));
  return h.digest().readBigUInt64BE(0);
}

export function clusterIdFor(memberIds: readonly bigint[]): bigint {
  const ids = [...memberIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buf = Buffer.alloc(8 * ids.length);
  ids.forEach((id, i) => buf.writeBigUInt64BE(id, 8 * i));
  return createHash('sha1').update(buf).digest().readBigUInt64BE(0);
}

/** Member and cluster IDs print as lower-case hex without leading zeros, as etcd prints them. */
export const idHex = (id: bigint): string => id.toString(16);

/** What a ConfChange's context carries: the member being added or updated. */
export function encodeMemberContext(m: Member): Uint8Array {
  return Buffer.from(
    JSON.stringify({
      id: idHex(m.id),
      peerURLs: m.peerURLs,
      name: m.name,
      clientURLs: m.clientURLs,
      isLearner: m.isLearner,
    }),
  );
}

export function decodeMemberContext(b: Uint8Array): Member {
  const o = JSON.parse(Buffer.from(b).toString('utf8')) as {
    id: string;
    peerURLs?: string[];
    name?: string;
    clientURLs?: string[];
    isLearner?: boolean;
  };
  return {
    id: BigInt(`0x${o.id}`),
    peerURLs: o.peerURLs ?? [],
    name: o.name ?? '',
    clientURLs: o.clientURLs ?? [],
    isLearner: o.isLearner ?? false,
  };
}

const memberKey = (id: bigint) => Buffer.from(idHex(id).padStart(16, '0'));

/**
 * The applied membership, kept in the backend's `members` / `members_removed` buckets in the same
 * batch as the raft index that changed it (so a restart never sees a half-applied change).
 */
export class Membership {
  private readonly members = new Map<bigint, Member>();
  private readonly removed = new Set<bigint>();

  constructor(
    private readonly backend: Backend,
    public clusterId: bigint,
  ) {
    for (const { value } of backend.range(Bucket.members, Buffer.alloc(0), new Uint8Array(0))) {
      const m = decodeMemberContext(value);
      this.members.set(m.id, m);
    }
    for (const { key } of backend.range(Bucket.membersRemoved, Buffer.alloc(0), new Uint8Array(0))) {
      this.removed.add(BigInt(`0x${Buffer.from(key).toString()}`));
    }
    const cid = backend.get(Bucket.cluster, Buffer.from('clusterID'));
    if (cid) this.clusterId = BigInt(`0x${Buffer.from(cid).toString()}`);
  }

  saveClusterId(): void {
    this.backend.put(Bucket.cluster, Buffer.from('clusterID'), Buffer.from(idHex(this.clusterId)));
  }

  list(): Member[] {
    return [...this.members.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: bigint): Member | undefined {
    return this.members.get(id);
  }

  isRemoved(id: bigint): boolean {
    return this.removed.has(id);
  }

  add(m: Member): void {
    this.members.set(m.id, { ...m });
    this.backend.put(Bucket.members, memberKey(m.id), encodeMemberContext(m));
  }

  remove(id: bigint): void {
    this.members.delete(id);
    this.removed.add(id);
    this.backend.delete(Bucket.members, memberKey(id));
    this.backend.put(Bucket.membersRemoved, memberKey(id), Buffer.from('removed'));
  }

  update(id: bigint, patch: Partial<Omit<Member, 'id'>>): void {
    const m = this.members.get(id);
    if (!m) return;
    const next = { ...m, ...patch };
    this.members.set(id, next);
    this.backend.put(Bucket.members, memberKey(id), encodeMemberContext(next));
  }
}
