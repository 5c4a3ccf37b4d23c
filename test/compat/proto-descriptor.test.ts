// Holds our .proto files, the method table and the error table against what the installed etcd 3.4 binary
// was compiled with: the protobuf descriptors it embeds (every message, field name, number, type, label and
// oneof; every enum value; every service method, its streaming and its google.api.http paths) and the error
// strings in its data. Skipped when /usr/bin/etcd is not installed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import protobuf from 'protobufjs';
import { ETCD_ERRORS, type EtcdErrorName } from '../../src/api/errors.ts';
import { GRPC_METHODS, type GrpcMethod } from '../../src/api/grpc-services.ts';
import { readGoDescriptors, type GoFile } from './proto-go-descriptors.ts';
import { ETCD_BIN, haveEtcd } from './proto-etcd-process.ts';

const PROTO_DIR = 'src/api/proto';
// etcd's descriptor file names for the packages we mirror.
const ETCD_FILES = [
  'rpc.proto',
  'raft_internal.proto',
  'etcdserver.proto',
  'kv.proto',
  'auth.proto',
  'v3election.proto',
  'v3lock.proto',
  'grpc/health/v1/health.proto',
];

function loadOurs(): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_DIR, target));
  const files = readdirSync(join(PROTO_DIR, 'etcd')).map((f) => `etcd/${f}`);
  root.loadSync(files, { keepCase: true });
  root.resolveAll();
  return root;
}

const typeName = (f: protobuf.Field): string => (f.resolvedType ? f.resolvedType.fullName.slice(1) : f.type);

describe(
  'our protos vs the descriptors inside etcd 3.4',
  { skip: !haveEtcd() && 'etcd not installed' },
  () => {
    let go: GoFile[];
    let ours: protobuf.Root;
    before(() => {
      const all = readGoDescriptors(ETCD_BIN);
      go = ETCD_FILES.map((f) => {
        const file = all.get(f);
        assert.ok(file, `${f} not found in ${ETCD_BIN}`);
        return file;
      });
      ours = loadOurs();
    });

    test('every message: same fields, numbers, types, labels, oneofs — and nothing extra', () => {
      let fields = 0;
      const seen = new Set<string>();
      for (const file of go) {
        for (const m of file.messages) {
          seen.add(m.name);
          const t = ours.lookupType(m.name);
          assert.deepEqual(
            t.fieldsArray.map((f) => f.name).sort(),
            m.fields.map((f) => f.name).sort(),
            `${m.name}: field names`,
          );
          for (const gf of m.fields) {
            const f = t.fields[gf.name]!;
            const where = `${m.name}.${gf.name}`;
            assert.equal(f.id, gf.number, `${where}: number`);
            assert.equal(typeName(f), gf.type, `${where}: type`);
            assert.equal(f.repeated, gf.repeated, `${where}: repeated`);
            assert.equal(f.partOf?.name, gf.oneof, `${where}: oneof`);
            fields++;
          }
        }
      }
      const oursAll: string[] = [];
      const walk = (ns: protobuf.NamespaceBase): void => {
        for (const o of ns.nestedArray) {
          if (o instanceof protobuf.Type) oursAll.push(o.fullName.slice(1));
          if (o instanceof protobuf.Namespace || o instanceof protobuf.Type) walk(o);
        }
      };
      walk(ours);
      assert.deepEqual(
        oursAll.filter((n) => !seen.has(n)),
        [],
        'messages etcd does not have',
      );
      assert.ok(fields >= 240, `only ${fields} fields compared`);
    });

    test('every enum: same values', () => {
      for (const file of go) {
        for (const e of file.enums) {
          const ourEnum = ours.lookupEnum(e.name);
          assert.deepEqual(
            { ...ourEnum.values },
            Object.fromEntries(e.values.map((v) => [v.name, v.number])),
            e.name,
          );
        }
      }
    });

    test('every service method is in the table with its kind, types and gateway paths', () => {
      const table = new Map<string, GrpcMethod>(GRPC_METHODS.map((m) => [m.path, m]));
      const kinds = { '00': 'unary', '01': 'server-stream', '10': 'client-stream', '11': 'bidi' } as const;
      let n = 0;
      for (const file of go) {
        for (const s of file.services) {
          for (const gm of s.methods) {
            const path = `/${s.name}/${gm.name}`;
            const m = table.get(path);
            assert.ok(m, `${path} missing from GRPC_METHODS`);
            assert.equal(
              m.kind,
              kinds[`${+gm.clientStreaming}${+gm.serverStreaming}` as keyof typeof kinds],
              path,
            );
            assert.equal(m.request.getTypeUrl(''), `/${gm.input}`, `${path} request`);
            assert.equal(m.response.getTypeUrl(''), `/${gm.output}`, `${path} response`);
            assert.ok(
              gm.http.every((h) => h.method === 'post' && h.body === '*'),
              `${path}: POST with body *`,
            );
            assert.deepEqual(
              m.httpPaths,
              gm.http.map((h) => h.path),
              `${path}: gateway paths`,
            );
            // Our .proto declares the same rpc.
            const svc = ours.lookupService(s.name);
            const rpc = svc.methods[gm.name];
            assert.ok(rpc, `${path} missing from our .proto`);
            assert.equal(rpc.resolvedRequestType!.fullName.slice(1), gm.input, path);
            assert.equal(rpc.resolvedResponseType!.fullName.slice(1), gm.output, path);
            assert.equal(!!rpc.requestStream, gm.clientStreaming, path);
            assert.equal(!!rpc.responseStream, gm.serverStreaming, path);
            n++;
          }
        }
      }
      assert.equal(n, GRPC_METHODS.length, 'table has methods etcd does not');
    });

    test('every error message of the table is a string inside the etcd binary', () => {
      const bin = readFileSync(ETCD_BIN);
      const missing = (Object.keys(ETCD_ERRORS) as EtcdErrorName[]).filter(
        (n) => !bin.includes(Buffer.from(ETCD_ERRORS[n].message)),
      );
      assert.deepEqual(missing, []);
      // And a 3.5-only error is rightly absent.
      assert.ok(!bin.includes(Buffer.from('etcdserver: cluster ID mismatch')));
    });
  },
);
