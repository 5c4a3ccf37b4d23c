// Test certificates made with the openssl CLI (Debian's `openssl`), as an operator would make them: a
// self-signed CA and certificates it signs, as `<name>.key` / `<name>.crt` files in one directory.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const OPENSSL = '/usr/bin/openssl';
export const HAVE_OPENSSL = existsSync(OPENSSL);

/** Certificates of RSA 2048-bit keys valid for 2 days, written to `dir`. */
export class OpensslCa {
  constructor(readonly dir: string) {}

  /** The path of a file in the directory. */
  file(name: string): string {
    return join(this.dir, name);
  }

  private run(...args: string[]): void {
    execFileSync(OPENSSL, args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** A self-signed CA: `name`.key and `name`.crt. */
  ca(name: string): void {
    this.run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.crt`),
    );
  }

  /** A key and a certificate for `name` (CN=name) signed by the CA `by`, with X.509 v3 extensions `ext`. */
  signed(name: string, by: string, ext: string): void {
    writeFileSync(this.file(`${name}.ext`), ext);
    this.run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.csr`),
    );
    this.run(
      'x509',
      '-req',
      '-in',
      this.file(`${name}.csr`),
      '-CA',
      this.file(`${by}.crt`),
      '-CAkey',
      this.file(`${by}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      this.file(`${name}.ext`),
      '-out',
      this.file(`${name}.crt`),
    );
  }
}
