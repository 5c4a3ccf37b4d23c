// Reading a password or a word from stdin: without echo on a terminal (as etcdctl's speakeasy), plainly
// from a pipe. Synchronous, byte by byte, so nothing after the line is consumed.
import { readSync } from 'node:fs';
import { Exit, out } from './output.ts';

export function readLine(): string {
  const tty = process.stdin.isTTY === true;
  if (tty) process.stdin.setRawMode(true);
  const chunks: number[] = [];
  const b = Buffer.alloc(1);
  try {
    for (;;) {
      let n = 0;
      try {
        n = readSync(0, b, 0, 1, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      const c = b[0]!;
      if (c === 0x0a || c === 0x0d) break;
      if (tty && c === 0x03) {
        process.stdin.setRawMode(false);
        process.exit(Exit.Interrupted);
      }
      chunks.push(c);
    }
  } finally {
    if (tty) process.stdin.setRawMode(false);
  }
  if (tty) out('\n');
  return Buffer.from(chunks).toString('latin1');
}
