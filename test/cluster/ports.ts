// Free loopback ports for tests that start (and restart) members on fixed ports.
import { createServer } from 'node:net';

/**
 * `n` distinct loopback ports, each seen free at pick time, chosen at random below the kernel's ephemeral range
 * (32768+). A port handed out by binding port 0 comes from the ephemeral range, so after a member is killed (or
 * before a member that bootstraps late binds it) the port can become the local end of some parallel test's
 * outgoing connection, and the restart then fails with EADDRINUSE. Ports in 20000-31999 are never used as
 * outgoing local ports, so only another listener could take them.
 */
export async function freePorts(n: number): Promise<number[]> {
  const picked = new Set<number>();
  while (picked.size < n) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (picked.has(port)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) picked.add(port);
  }
  return [...picked];
}
