// etcd endpoints as users write them: `host:port`, `http://host:port`, `https://host:port`, `unix://path`.
// gRPC wants a target without the scheme; the scheme only says whether the connection is TLS.

export interface Endpoint {
  /** What the user wrote; etcdctl prints endpoints back exactly like this. */
  readonly raw: string;
  /** grpc-js target, e.g. `127.0.0.1:2379` or `unix:/tmp/etcd.sock`. */
  readonly target: string;
  /** The scheme asked for TLS (`https://`, `unixs://`). */
  readonly secure: boolean;
}

export function parseEndpoint(raw: string): Endpoint {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  if (!m) return { raw, target: raw, secure: false };
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!.replace(/\/+$/, '');
  if (scheme === 'unix' || scheme === 'unixs')
    return { raw, target: `unix:${rest}`, secure: scheme === 'unixs' };
  return { raw, target: rest, secure: scheme === 'https' };
}
