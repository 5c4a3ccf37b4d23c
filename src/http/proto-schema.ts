// Field-level knowledge of etcd's messages for the JSON gateway: names (proto and lowerCamel), scalar kinds,
// enums, nesting, declaration order. The static codecs in src/api/gen carry no reflection, so the .proto files
// are parsed once with protobufjs and compiled into this small table.
import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { createRequire } from 'node:module';
import type protobuf from 'protobufjs';

export type ScalarKind = 'int64' | 'uint64' | 'int32' | 'uint32' | 'bool' | 'string' | 'bytes' | 'double';

export interface EnumSchema {
  /** Go's type name, used in its error texts: `etcdserverpb.RangeRequest_SortOrder`. */
  readonly goName: string;
  readonly byName: ReadonlyMap<string, number>;
  readonly byNumber: ReadonlyMap<number, string>;
}

export interface FieldSchema {
  /** Name as in the .proto (and in the static codecs, built with keep-case). */
  readonly name: string;
  /** protoc's JSON name (lowerCamel), which jsonpb also accepts. */
  readonly jsonName: string;
  readonly repeated: boolean;
  /** Member of a oneof: written whenever set, even to a zero value. */
  readonly inOneof: boolean;
  readonly type:
    | { readonly kind: 'scalar'; readonly scalar: ScalarKind }
    | { readonly kind: 'enum'; readonly enum: EnumSchema }
    | { readonly kind: 'message'; readonly message: () => MessageSchema };
}

export interface MessageSchema {
  /** `etcdserverpb.RangeRequest` */
  readonly fullName: string;
  /** In declaration order: the order Go's jsonpb writes them. */
  readonly fields: readonly FieldSchema[];
}

const PROTO_DIR = fileURLToPath(new URL('../api/proto/', import.meta.url));
const PROTO_FILES = ['etcd/rpc.proto', 'etcd/v3election.proto', 'etcd/v3lock.proto', 'etcd/health.proto'];

const SCALARS: Readonly<Record<string, ScalarKind>> = {
  int64: 'int64',
  sint64: 'int64',
  sfixed64: 'int64',
  uint64: 'uint64',
  fixed64: 'uint64',
  int32: 'int32',
  sint32: 'int32',
  sfixed32: 'int32',
  uint32: 'uint32',
  fixed32: 'uint32',
  bool: 'bool',
  string: 'string',
  bytes: 'bytes',
  double: 'double',
  float: 'double',
};

/** protoc's ToJsonName: drop each underscore and upper-case the letter after it. */
export function protoJsonName(name: string): string {
  return name.replace(/_(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase());
}

// protobufjs's full build (its .proto parser, ≈ 50 modules) and the parsed files (together ≈ 2 MiB of heap and
// 50–100 ms) are loaded by the first lookup, i.e. the first gateway request, not by every member at start.
let protobufLib: typeof protobuf | undefined;
const pb = (): typeof protobuf =>
  (protobufLib ??= createRequire(import.meta.url)('protobufjs') as typeof protobuf);

let root: protobuf.Root | undefined;
const messages = new Map<string, MessageSchema>();
const enums = new Map<string, EnumSchema>();

function loadRoot(): protobuf.Root {
  if (root) return root;
  const r = new (pb().Root)();
  r.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_DIR, target));
  r.loadSync(PROTO_FILES, { keepCase: true });
  r.resolveAll();
  root = r;
  return r;
}

/** Go names a nested type by joining the message path with `_` after the package: `mvccpb.Event_EventType`. */
function goTypeName(t: protobuf.ReflectionObject): string {
  const parts: string[] = [];
  let cur: protobuf.ReflectionObject | null = t;
  while (cur && (cur instanceof pb().Type || cur instanceof pb().Enum)) {
    parts.unshift(cur.name);
    cur = cur.parent;
  }
  const pkg = cur && cur.fullName ? cur.fullName.slice(1) + '.' : '';
  return pkg + parts.join('_');
}

function enumSchema(e: protobuf.Enum): EnumSchema {
  const key = e.fullName;
  let s = enums.get(key);
  if (!s) {
    const byName = new Map<string, number>(Object.entries(e.values));
    const byNumber = new Map<number, string>();
    for (const [name, n] of byName) if (!byNumber.has(n)) byNumber.set(n, name);
    s = { goName: goTypeName(e), byName, byNumber };
    enums.set(key, s);
  }
  return s;
}

function compile(t: protobuf.Type): MessageSchema {
  const fullName = t.fullName.slice(1);
  const known = messages.get(fullName);
  if (known) return known;
  const fields: FieldSchema[] = [];
  const schema: MessageSchema = { fullName, fields };
  messages.set(fullName, schema);
  for (const f of t.fieldsArray) {
    if (f.map) throw new Error(`map fields are not supported by the gateway schema (${fullName}.${f.name})`);
    const resolved = f.resolvedType;
    let type: FieldSchema['type'];
    if (resolved instanceof pb().Enum) type = { kind: 'enum', enum: enumSchema(resolved) };
    else if (resolved instanceof pb().Type) {
      const inner = resolved;
      type = { kind: 'message', message: () => compile(inner) };
    } else {
      const scalar = SCALARS[f.type];
      if (!scalar) throw new Error(`unsupported field type ${f.type} in ${fullName}.${f.name}`);
      type = { kind: 'scalar', scalar };
    }
    fields.push({
      name: f.name,
      jsonName: protoJsonName(f.name),
      repeated: f.repeated,
      inOneof: f.partOf != null,
      type,
    });
  }
  return schema;
}

/** Schema of a message by full name (`etcdserverpb.RangeRequest`); loads the protos on first use (~100 ms). */
export function messageSchema(fullName: string): MessageSchema {
  const known = messages.get(fullName);
  if (known) return known;
  return compile(loadRoot().lookupType(fullName));
}

/** Schema of the message a static codec moves, found by its type URL. */
export function schemaOfCodec(codec: { getTypeUrl(prefix?: string): string }): MessageSchema {
  return messageSchema(codec.getTypeUrl('').replace(/^\//, ''));
}
