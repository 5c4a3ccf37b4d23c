// Process output for tsetcdctl. Writes are synchronous so stdout, stderr and the exit code come out in the
// order the command produced them, even when the process exits right after (as etcdctl's os.Exit does).
import { writeSync } from 'node:fs';
import { errorText, isAuthFailure } from '../client/client-error.ts';

/** etcdctl's exit codes (its cobrautl package). */
export const Exit = {
  Success: 0,
  Error: 1,
  BadConnection: 2,
  InvalidInput: 3,
  BadFeature: 4,
  Interrupted: 5,
  IO: 6,
  BadArgs: 128,
} as const;

function writeAll(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // a non-blocking pipe that is full: wait for the reader and retry
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

export function out(s: string | Uint8Array): void {
  writeAll(1, s);
}

export function outln(s = ''): void {
  writeAll(1, s + '\n');
}

export function errOut(s: string): void {
  writeAll(2, s);
}

/** Thrown to end the command with an exit code; main() catches it and exits. */
export class CtlExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** etcdctl's ExitWithError: `Error: <text>` on stderr, then exit. */
export function exitWithError(code: number, err: unknown): never {
  // etcdctl authenticates while connecting: a refused login ends the command as a connection failure
  if (isAuthFailure(err)) code = Exit.BadConnection;
  errOut(`Error: ${typeof err === 'string' ? err : errorText(err)}\n`);
  throw new CtlExit(code);
}
