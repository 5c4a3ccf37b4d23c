// Liveness of an HTTP/2 session by PING: a peer that stops answering (host down, partition, stopped
// process) is noticed even when no connection closes and no raft traffic flows. Both ends of every
// peer session run one, as etcd's stream reader and writer each watch their side.
import type { Http2Session } from 'node:http2';

/** Pings `session` every intervalMs; calls onDead once an answer is more than timeoutMs late. Stops on close. */
export function keepAlive(
  session: Http2Session,
  intervalMs: number,
  timeoutMs: number,
  onDead: () => void,
): void {
  let sentAt = 0;
  const timer = setInterval(() => {
    if (session.destroyed || session.closed) {
      clearInterval(timer);
      return;
    }
    if (sentAt !== 0) {
      if (Date.now() - sentAt > timeoutMs) {
        clearInterval(timer);
        onDead();
      }
      return;
    }
    sentAt = Date.now();
    try {
      session.ping((err) => {
        if (err === null) sentAt = 0;
      });
    } catch {
      // The session went away between the check and the ping; its close handlers take over.
      clearInterval(timer);
    }
  }, intervalMs);
  timer.unref();
  session.once('close', () => clearInterval(timer));
}
