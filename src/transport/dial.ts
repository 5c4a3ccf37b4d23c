// Client-side HTTP/2 sessions to a peer URL, with peer TLS when the URL is https.
import { connect } from 'node:http2';
import type { ClientHttp2Session, SecureClientSessionOptions } from 'node:http2';
import type { PeerTlsOptions, TransportLimits } from './types.ts';

export function dialPeer(
  url: URL,
  tls: PeerTlsOptions | undefined,
  limits: TransportLimits,
): ClientHttp2Session {
  const opts: SecureClientSessionOptions = {
    // Outgoing data buffered inside nghttp2 counts against this (megabytes); bulk snapshot uploads
    // need more than the 10 MB default.
    maxSessionMemory: 256,
    settings: { initialWindowSize: limits.windowBytes, maxFrameSize: 256 * 1024 },
  };
  if (url.protocol === 'https:' && tls !== undefined) {
    if (tls.ca !== undefined) opts.ca = tls.ca;
    // Presented as a client certificate; required by peers running with --peer-client-cert-auth.
    if (tls.cert !== undefined) opts.cert = tls.cert;
    if (tls.key !== undefined) opts.key = tls.key;
    // --peer-auto-tls: peers present self-signed certificates nobody can verify; encrypt without checking.
    if (tls.insecureSkipVerify === true) opts.rejectUnauthorized = false;
  }
  return connect(url.origin, opts);
}
