// Keys and pre-encoded requests. A request is encoded once with placeholder keys; each call copies the
// template and writes the key digits in place, so no protobuf encoding happens on the hot path. Keys are a
// one-letter namespace followed by a zero-padded decimal number, all exactly `keySize` bytes long (fixed
// length is what makes in-place patching possible).
import { randomBytes } from 'node:crypto';
import { grpcFrame } from './grpc-wire.ts';

/** Largest key space a key size can express (one byte goes to the namespace letter). */
export function maxKeySpace(keySize: number): number {
  return 10 ** Math.min(15, keySize - 1);
}

export function keyOf(namespace: string, keySize: number, n: number): Buffer {
  if (namespace.length !== 1) throw new Error('key namespace must be one character');
  return Buffer.from(namespace + String(n).padStart(keySize - 1, '0'), 'latin1');
}

/** `size` printable random bytes (ASCII 0x21..0x7e), so no placeholder pattern can appear inside a value. */
export function randomValue(size: number): Buffer {
  const b = randomBytes(size);
  for (let i = 0; i < size; i++) b[i] = 0x21 + (b[i]! % 94);
  return b;
}

/**
 * A placeholder key: bytes that printable keys and values never contain (0xfe, slot, 0xfe, ...), so each slot's
 * position in the encoded template is found unambiguously.
 */
export function placeholder(slot: number, keySize: number): Buffer {
  const b = Buffer.alloc(keySize, 0xfe);
  if (keySize > 1) b[1] = 0x80 + slot;
  return b;
}

export class FrameTemplate {
  private readonly offsets: number[];

  /**
   * `frame` is an encoded gRPC frame containing placeholder(i, keySize) for each slot i < slots, each once;
   * `namespace` is the letter every patched key starts with.
   */
  constructor(
    private readonly frame: Buffer,
    private readonly keySize: number,
    slots: number,
    private readonly namespace: string,
  ) {
    this.offsets = [];
    for (let i = 0; i < slots; i++) {
      const at = frame.indexOf(placeholder(i, keySize));
      if (at < 0 || frame.indexOf(placeholder(i, keySize), at + 1) >= 0) {
        throw new Error(`placeholder ${i} not found exactly once in the template`);
      }
      this.offsets.push(at);
    }
  }

  static of(message: Uint8Array, keySize: number, slots: number, namespace: string): FrameTemplate {
    return new FrameTemplate(grpcFrame(message), keySize, slots, namespace);
  }

  /** A fresh frame with key number keys[i] in slot i. */
  make(keys: readonly number[]): Buffer {
    const out = Buffer.allocUnsafe(this.frame.length);
    this.frame.copy(out);
    for (let i = 0; i < this.offsets.length; i++) this.writeKey(out, this.offsets[i]!, keys[i]!);
    return out;
  }

  /** The same, for the common one-slot case without an array. */
  make1(key: number): Buffer {
    const out = Buffer.allocUnsafe(this.frame.length);
    this.frame.copy(out);
    this.writeKey(out, this.offsets[0]!, key);
    return out;
  }

  private writeKey(out: Buffer, at: number, n: number): void {
    out[at] = this.namespace.charCodeAt(0);
    let v = n;
    for (let i = at + this.keySize - 1; i > at; i--) {
      out[i] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    }
  }
}
