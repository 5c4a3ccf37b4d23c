// Reads the protobuf file descriptors that a Go binary carries (golang/protobuf and gogo register each
// .proto as a gzipped FileDescriptorProto) and decodes the parts we compare against: packages, messages,
// fields, enums, services, methods and their google.api.http bindings. This lets a test hold our .proto
// files against the exact schema compiled into the installed etcd, rather than against a copy of a source.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface GoField {
  name: string;
  number: number;
  /** Wire-level type name (`int64`, `bytes`, …) or the fully qualified message/enum name without a dot. */
  type: string;
  repeated: boolean;
  oneof?: string;
}
export interface GoMessage {
  name: string; // fully qualified, e.g. etcdserverpb.RangeRequest
  fields: GoField[];
}
export interface GoEnum {
  name: string;
  values: { name: string; number: number }[];
}
export interface GoHttpRule {
  method: string; // post, get, …
  path: string;
  body: string;
}
export interface GoMethod {
  name: string;
  input: string;
  output: string;
  clientStreaming: boolean;
  serverStreaming: boolean;
  http: GoHttpRule[];
}
export interface GoService {
  name: string; // fully qualified, e.g. etcdserverpb.KV
  methods: GoMethod[];
}
export interface GoFile {
  name: string;
  pkg: string;
  messages: GoMessage[];
  enums: GoEnum[];
  services: GoService[];
}

type Wire = { no: number; varint?: bigint; bytes?: Uint8Array };

function readVarint(b: Uint8Array, pos: { p: number }): bigint {
  let shift = 0n;
  let v = 0n;
  for (;;) {
    const byte = b[pos.p++];
    if (byte === undefined) throw new Error('truncated varint');
    v |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return v;
    shift += 7n;
  }
}

function parse(b: Uint8Array): Wire[] {
  const out: Wire[] = [];
  const pos = { p: 0 };
  while (pos.p < b.length) {
    const key = Number(readVarint(b, pos));
    const no = key >>> 3;
    switch (key & 7) {
      case 0:
        out.push({ no, varint: readVarint(b, pos) });
        break;
      case 1:
        pos.p += 8;
        break;
      case 2: {
        const len = Number(readVarint(b, pos));
        out.push({ no, bytes: b.subarray(pos.p, pos.p + len) });
        pos.p += len;
        break;
      }
      case 5:
        pos.p += 4;
        break;
      default:
        throw new Error(`unsupported wire type ${key & 7}`);
    }
  }
  return out;
}

const text = (w: Wire): string => Buffer.from(w.bytes ?? []).toString('utf8');
const str = (ws: Wire[], no: number): string => {
  const w = ws.find((x) => x.no === no);
  return w ? text(w) : '';
};
const num = (ws: Wire[], no: number): number | undefined => {
  const w = ws.find((x) => x.no === no);
  return w?.varint === undefined ? undefined : Number(w.varint);
};
const subs = (ws: Wire[], no: number): Wire[][] => ws.filter((x) => x.no === no).map((x) => parse(x.bytes!));

// FieldDescriptorProto.Type numbers → proto type names.
const SCALARS: Record<number, string> = {
  1: 'double',
  2: 'float',
  3: 'int64',
  4: 'uint64',
  5: 'int32',
  6: 'fixed64',
  7: 'fixed32',
  8: 'bool',
  9: 'string',
  12: 'bytes',
  13: 'uint32',
  15: 'sfixed32',
  16: 'sfixed64',
  17: 'sint32',
  18: 'sint64',
};
const HTTP_RULE_EXTENSION = 72295728; // google.api.http on MethodOptions
const HTTP_VERBS: Record<number, string> = { 2: 'get', 3: 'put', 4: 'post', 5: 'delete', 6: 'patch' };

function decodeHttpRule(ws: Wire[]): GoHttpRule[] {
  const rules: GoHttpRule[] = [];
  for (const w of ws) {
    const verb = HTTP_VERBS[w.no];
    if (verb) rules.push({ method: verb, path: text(w), body: str(ws, 7) });
  }
  for (const extra of subs(ws, 11)) rules.push(...decodeHttpRule(extra));
  return rules;
}

function decodeMessage(ws: Wire[], prefix: string, file: GoFile): void {
  const name = `${prefix}.${str(ws, 1)}`;
  const oneofs = subs(ws, 8).map((o) => str(o, 1));
  const fields = subs(ws, 2).map((f): GoField => {
    const t = num(f, 5)!;
    const oneofIndex = num(f, 9);
    const field: GoField = {
      name: str(f, 1),
      number: num(f, 3)!,
      type: SCALARS[t] ?? str(f, 6).replace(/^\./, ''),
      repeated: num(f, 4) === 3,
    };
    if (oneofIndex !== undefined) field.oneof = oneofs[oneofIndex]!;
    return field;
  });
  file.messages.push({ name, fields });
  for (const nested of subs(ws, 3)) decodeMessage(nested, name, file);
  for (const e of subs(ws, 4)) file.enums.push(decodeEnum(e, name));
}

function decodeEnum(ws: Wire[], prefix: string): GoEnum {
  return {
    name: `${prefix}.${str(ws, 1)}`,
    values: subs(ws, 2).map((v) => ({
      name: str(v, 1),
      number: Number(BigInt.asIntN(32, v.find((x) => x.no === 2)?.varint ?? 0n)),
    })),
  };
}

export function decodeFileDescriptor(bytes: Uint8Array): GoFile {
  const ws = parse(bytes);
  const file: GoFile = { name: str(ws, 1), pkg: str(ws, 2), messages: [], enums: [], services: [] };
  for (const m of subs(ws, 4)) decodeMessage(m, file.pkg, file);
  for (const e of subs(ws, 5)) file.enums.push(decodeEnum(e, file.pkg));
  for (const s of subs(ws, 6)) {
    file.services.push({
      name: `${file.pkg}.${str(s, 1)}`,
      methods: subs(s, 2).map((m): GoMethod => {
        const opts = subs(m, 4)[0] ?? [];
        return {
          name: str(m, 1),
          input: str(m, 2).replace(/^\./, ''),
          output: str(m, 3).replace(/^\./, ''),
          clientStreaming: num(m, 5) === 1,
          serverStreaming: num(m, 6) === 1,
          http: subs(opts, HTTP_RULE_EXTENSION).flatMap(decodeHttpRule),
        };
      }),
    });
  }
  return file;
}

/** Every gzipped FileDescriptorProto embedded in the binary at `path`, keyed by the file's name. */
export function readGoDescriptors(path: string): Map<string, GoFile> {
  const bin = readFileSync(path);
  const out = new Map<string, GoFile>();
  const magic = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]);
  for (let at = bin.indexOf(magic); at >= 0; at = bin.indexOf(magic, at + 1)) {
    let raw: Buffer;
    try {
      raw = gunzipSync(bin.subarray(at, at + 4 * 1024 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    } catch {
      continue;
    }
    // A FileDescriptorProto starts with field 1 (name), tag byte 0x0a.
    if (raw[0] !== 0x0a) continue;
    try {
      const file = decodeFileDescriptor(raw);
      if (file.name.endsWith('.proto')) out.set(file.name, file);
    } catch {
      // bytes that merely looked like gzip
    }
  }
  return out;
}
