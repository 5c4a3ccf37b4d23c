// JSON ⇄ message for the gateway, with the rules of etcd 3.4's grpc-gateway (golang/protobuf jsonpb, OrigName,
// EmitDefaults off):
// - in: proto names and lowerCamel names both accepted (lowerCamel wins when both are present), unknown fields
//   ignored, null means absent, 64-bit integers as numbers or decimal strings, bytes as standard base64,
//   enums by name or number; errors in Go's words;
// - out: proto names in declaration order, zero values omitted (oneof members excepted), 64-bit integers as
//   decimal strings, 32-bit as numbers, enums by name, bytes as standard base64, Go's string escaping.
import Long from 'long';
import type { MessageCodec } from '../api/grpc-services.ts';
import { goBase64Decode } from './go-base64.ts';
import { goJsonString, goKindName, parseJsonExact, type JsonNode } from './go-json.ts';
import { schemaOfCodec, type FieldSchema, type MessageSchema, type ScalarKind } from './proto-schema.ts';

/** A request body that does not fit the message; message text as etcd's gateway gives it. */
export class GatewayDecodeError extends Error {
  override readonly name = 'GatewayDecodeError';
}

const cannot = (what: string, goType: string): GatewayDecodeError =>
  new GatewayDecodeError(`json: cannot unmarshal ${what} into Go value of type ${goType}`);

const INT_RANGE: Readonly<Record<'int64' | 'uint64' | 'int32' | 'uint32', readonly [bigint, bigint]>> = {
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  uint32: [0n, (1n << 32n) - 1n],
};

function integer(node: JsonNode, kind: keyof typeof INT_RANGE, goType: string = kind): bigint | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind !== 'number') throw cannot(goKindName(node), goType);
  const lit = node.literal;
  if (!/^-?\d+$/.test(lit)) throw cannot(`number ${lit}`, goType);
  const v = BigInt(lit);
  const [min, max] = INT_RANGE[kind];
  if (v < min || v > max) throw cannot(`number ${lit}`, goType);
  return v;
}

function scalarValue(node: JsonNode, scalar: ScalarKind): unknown {
  switch (scalar) {
    case 'int64':
    case 'uint64':
    case 'int32':
    case 'uint32': {
      // jsonpb strips the quotes of a quoted number and parses what is inside as JSON.
      const n = node.kind === 'string' ? parseQuotedNumber(node.raw) : node;
      const v = integer(n, scalar);
      if (v === undefined) return undefined;
      if (scalar === 'int32' || scalar === 'uint32') return Number(v);
      const bits = BigInt.asUintN(64, v);
      return Long.fromBits(Number(bits & 0xffffffffn), Number(bits >> 32n), scalar === 'uint64');
    }
    case 'bool':
      if (node.kind === 'null') return undefined;
      if (node.kind !== 'bool') throw cannot(goKindName(node), 'bool');
      return node.value;
    case 'string':
      if (node.kind === 'null') return undefined;
      if (node.kind !== 'string') throw cannot(goKindName(node), 'string');
      return node.value;
    case 'bytes':
      return bytesValue(node);
    case 'double': {
      const n = node.kind === 'string' ? parseQuotedNumber(node.raw) : node;
      if (n.kind === 'null') return undefined;
      if (n.kind !== 'number') throw cannot(goKindName(n), 'float64');
      return Number(n.literal);
    }
  }
}

function parseQuotedNumber(raw: Uint8Array): JsonNode {
  try {
    return parseJsonExact(raw);
  } catch (e) {
    throw new GatewayDecodeError((e as Error).message);
  }
}

function bytesValue(node: JsonNode): Uint8Array | undefined {
  switch (node.kind) {
    case 'null':
      return undefined;
    case 'string':
      try {
        return goBase64Decode(Buffer.from(node.value, 'utf8'));
      } catch (e) {
        throw new GatewayDecodeError((e as Error).message);
      }
    case 'array': {
      // encoding/json fills a []byte from an array of small numbers, too.
      const out = new Uint8Array(node.items.length);
      node.items.forEach((item, i) => {
        out[i] = Number(integer(item, 'uint32', 'uint8') ?? 0n);
        if (item.kind === 'number' && BigInt(item.literal) > 255n)
          throw cannot(`number ${item.literal}`, 'uint8');
      });
      return out;
    }
    default:
      throw cannot(goKindName(node), '[]uint8');
  }
}

function enumValue(node: JsonNode, field: FieldSchema & { type: { kind: 'enum' } }): number | undefined {
  const e = field.type.enum;
  if (node.kind === 'null') return undefined;
  if (node.kind === 'string') {
    const n = e.byName.get(node.value);
    if (n === undefined)
      throw new GatewayDecodeError(`unknown value ${JSON.stringify(node.value)} for enum ${e.goName}`);
    return n;
  }
  const v = integer(node, 'int32', e.goName);
  return v === undefined ? undefined : Number(v);
}

function fieldValue(node: JsonNode, field: FieldSchema): unknown {
  switch (field.type.kind) {
    case 'scalar':
      return scalarValue(node, field.type.scalar);
    case 'enum':
      return enumValue(node, field as FieldSchema & { type: { kind: 'enum' } });
    case 'message':
      return node.kind === 'null' ? undefined : objectFromJson(node, field.type.message());
  }
}

/** JSON → plain object with codec-ready values (Long, Uint8Array, enum numbers); throws GatewayDecodeError. */
export function objectFromJson(node: JsonNode, schema: MessageSchema): Record<string, unknown> {
  if (node.kind === 'null') return {};
  if (node.kind !== 'object') throw cannot(goKindName(node), 'map[string]json.RawMessage');
  const out: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const value = node.fields.get(field.jsonName) ?? node.fields.get(field.name);
    if (value === undefined || value.kind === 'null') continue;
    if (field.repeated) {
      if (value.kind !== 'array') throw cannot(goKindName(value), '[]json.RawMessage');
      out[field.name] = value.items.map((item) => fieldValue(item, field) ?? zeroOf(field));
    } else {
      const v = fieldValue(value, field);
      if (v !== undefined) out[field.name] = v;
    }
  }
  return out;
}

function zeroOf(field: FieldSchema): unknown {
  if (field.type.kind === 'message') return {};
  if (field.type.kind === 'enum') return 0;
  switch (field.type.scalar) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'bytes':
      return new Uint8Array(0);
    default:
      return 0;
  }
}

/** A request message from a parsed gateway body. */
export function requestFromJson<T>(node: JsonNode, codec: MessageCodec<T>): T {
  return codec.fromObject(objectFromJson(node, schemaOfCodec(codec)));
}

// ---- out ----

function isZero(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (v instanceof Uint8Array) return v.length === 0;
  if (Long.isLong(v)) return (v as Long).isZero();
  return false;
}

function scalarJson(v: unknown, scalar: ScalarKind): string {
  switch (scalar) {
    case 'int64':
    case 'uint64':
      return '"' + String(v) + '"';
    case 'int32':
    case 'uint32':
    case 'double':
      return String(Number(v));
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return goJsonString(String(v));
    case 'bytes': {
      const u = v as Uint8Array;
      return '"' + Buffer.from(u.buffer, u.byteOffset, u.length).toString('base64') + '"';
    }
  }
}

function valueJson(v: unknown, field: FieldSchema): string {
  switch (field.type.kind) {
    case 'scalar':
      return scalarJson(v, field.type.scalar);
    case 'enum': {
      const name = field.type.enum.byNumber.get(Number(v));
      return name === undefined ? String(Number(v)) : '"' + name + '"';
    }
    case 'message':
      return messageJson(v as Record<string, unknown>, field.type.message());
  }
}

/** A decoded message as Go's jsonpb writes it (OrigName, no defaults). */
export function messageJson(msg: Record<string, unknown>, schema: MessageSchema): string {
  let out = '{';
  let first = true;
  for (const field of schema.fields) {
    const v = msg[field.name];
    if (v === null || v === undefined) continue;
    let text: string;
    if (field.repeated) {
      const list = v as readonly unknown[];
      if (list.length === 0) continue;
      text = '[' + list.map((item) => valueJson(item, field)).join(',') + ']';
    } else {
      if (field.type.kind !== 'message' && !field.inOneof && isZero(v)) continue;
      text = valueJson(v, field);
    }
    out += (first ? '"' : ',"') + field.name + '":' + text;
    first = false;
  }
  return out + '}';
}

/**
 * A handler's response as gateway JSON. It goes through the codec first (encode, decode) so that plain objects,
 * numbers for 64-bit fields and explicitly set zero values come out exactly as a gRPC client would see them.
 */
export function responseJson<T>(res: T, codec: MessageCodec<T>): string {
  const msg = codec.decode(codec.encode(res).finish()) as Record<string, unknown>;
  return messageJson(msg, schemaOfCodec(codec));
}
