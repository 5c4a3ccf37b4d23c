// --auto-tls: a self-signed certificate made on first start and kept in <data-dir>/fixtures/client
// (etcd's place), for every host the member listens on. Clients cannot verify it (no CA), so it only
// encrypts; etcd documents the same trade-off.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIP } from 'node:net';

export interface CertPair {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
}

export async function selfSignedCert(dir: string, hosts: readonly string[]): Promise<CertPair> {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const altNames = [...new Set(hosts)].map((h) =>
      isIP(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h },
    );
    // Loaded only here: the library and its X.509 stack take a few hundred ms to load at every start.
    const { default: selfsigned } = await import('selfsigned');
    const pems = await selfsigned.generate([{ name: 'organizationName', value: 'tsetcd' }], {
      days: 365,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    } as never);
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
    writeFileSync(certFile, pems.cert, { mode: 0o600 });
  }
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
}
