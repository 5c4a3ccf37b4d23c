// A TCP proxy in front of every member's peer port, for network faults between members. Each member
// advertises (and is listed in --initial-cluster under) the proxy's port, and listens itself on another
// one. Member IDs are hashes of the advertised URLs, so every member must see the same URLs: one listener per
// member, and the sender of each accepted connection is found by asking the kernel which member process
// owns the other end of it (/proc/net/tcp inode → /proc/<pid>/fd). Peer messages from A to B only travel on
// connections A dialled to B, so a rule on (A → B) connections cuts A's messages to B and B's answers on
// them.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';

/**
 * ok: bytes flow. blackhole: bytes are discarded both ways but the connection stays up (packets lost);
 * the connection is cut when the link heals (its HTTP/2 state is lost). delay: bytes are held `delayMs`.
 */
export type LinkMode = { kind: 'ok' } | { kind: 'blackhole' } | { kind: 'delay'; delayMs: number };

export interface ProxiedMember {
  name: string;
  /** Where the proxy listens (the member's advertised peer port). */
  advertisePort: number;
  /** Where the member really listens. */
  listenPort: number;
}

interface Link {
  from: string | undefined;
  to: string;
  client: Socket;
  upstream: Socket;
  /** Bytes were thrown away: the session is broken and is cut once the link works again. */
  damaged: boolean;
}

const OK: LinkMode = { kind: 'ok' };

export class PeerProxy {
  private readonly servers: Server[] = [];
  private readonly links = new Set<Link>();
  private readonly modes = new Map<string, LinkMode>();
  private closed = false;
  /** Connections whose sender could not be told; should stay 0 (reported by the harness). */
  unidentified = 0;

  constructor(
    private readonly members: readonly ProxiedMember[],
    /** Current pid of a member's process, undefined while it is down. */
    private readonly pidOf: (name: string) => number | undefined,
  ) {}

  async start(): Promise<void> {
    for (const m of this.members) {
      const server = createServer((client) => this.accept(m, client));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(m.advertisePort, '127.0.0.1', () => resolve());
      });
      this.servers.push(server);
    }
  }

  mode(from: string, to: string): LinkMode {
    return this.modes.get(`${from}>${to}`) ?? OK;
  }

  /** Sets the mode of the one-way link `from → to` (connections `from` dials to `to`). */
  setLink(from: string, to: string, mode: LinkMode): void {
    this.modes.set(`${from}>${to}`, mode);
    if (mode.kind === 'ok') {
      for (const l of this.links) if (l.from === from && l.to === to && l.damaged) this.cut(l);
    }
  }

  /** Cuts every pair of members in different groups (both ways); members not named stay connected to all. */
  partition(groups: readonly (readonly string[])[], mode: LinkMode = { kind: 'blackhole' }): void {
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => g.forEach((n) => groupOf.set(n, i)));
    for (const a of this.members) {
      for (const b of this.members) {
        if (a === b) continue;
        const ga = groupOf.get(a.name);
        const gb = groupOf.get(b.name);
        if (ga !== undefined && gb !== undefined && ga !== gb) this.setLink(a.name, b.name, mode);
      }
    }
  }

  /** Every link back to ok. */
  heal(): void {
    for (const a of this.members) for (const b of this.members) if (a !== b) this.setLink(a.name, b.name, OK);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const l of this.links) this.cut(l);
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
  }

  private cut(l: Link): void {
    l.client.destroy();
    l.upstream.destroy();
    this.links.delete(l);
  }

  private accept(to: ProxiedMember, client: Socket): void {
    if (this.closed) {
      client.destroy();
      return;
    }
    const from = this.identify(client);
    if (from === 'gone') {
      // The dialling end no longer exists (a member killed between connect and accept): nothing to relay.
      client.destroy();
      return;
    }
    if (from === undefined) this.unidentified++;
    const upstream = connect(to.listenPort, '127.0.0.1');
    const link: Link = { from, to: to.name, client, upstream, damaged: false };
    this.links.add(link);
    for (const s of [client, upstream]) {
      s.on('error', () => {});
      s.once('close', () => {
        this.cut(link);
      });
    }
    this.relay(link, client, upstream);
    this.relay(link, upstream, client);
  }

  private relay(link: Link, src: Socket, dst: Socket): void {
    // Delayed chunks keep their order: each leaves no earlier than the one before it.
    let lastRelease = 0;
    src.on('data', (chunk: Buffer) => {
      const mode = link.from === undefined ? OK : this.mode(link.from, link.to);
      if (mode.kind === 'blackhole') {
        link.damaged = true;
        return;
      }
      if (mode.kind === 'ok' && lastRelease <= Date.now()) {
        dst.write(chunk);
        return;
      }
      const delay = mode.kind === 'delay' ? mode.delayMs : 0;
      const at = Math.max(Date.now() + delay, lastRelease);
      lastRelease = at;
      setTimeout(() => {
        if (!dst.destroyed) dst.write(chunk);
      }, at - Date.now());
    });
  }

  /**
   * The member whose process owns the far end of `socket` (a loopback connection to us); 'gone' when that
   * end is closed already; undefined when some other process owns it.
   */
  private identify(socket: Socket): string | 'gone' | undefined {
    const port = socket.remotePort;
    if (port === undefined) return 'gone';
    const local = (socket.address() as AddressInfo).port;
    const inode = socketInode(port, local);
    if (inode === undefined || inode === '0') return 'gone';
    for (const m of this.members) {
      const pid = this.pidOf(m.name);
      if (pid !== undefined && ownsSocket(pid, inode)) return m.name;
    }
    return undefined;
  }
}

const hexPort = (p: number): string => p.toString(16).toUpperCase().padStart(4, '0');

/** Inode of the TCP socket 127.0.0.1:localPort → 127.0.0.1:remotePort, from /proc/net/tcp. */
function socketInode(localPort: number, remotePort: number): string | undefined {
  const want = `0100007F:${hexPort(localPort)} 0100007F:${hexPort(remotePort)}`;
  for (const line of readFileSync('/proc/net/tcp', 'latin1').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (`${f[1]} ${f[2]}` === want) return f[9];
  }
  return undefined;
}

function ownsSocket(pid: number, inode: string): boolean {
  const target = `socket:[${inode}]`;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return true;
    } catch {
      // closed meanwhile
    }
  }
  return false;
}
