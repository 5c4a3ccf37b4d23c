// auth enable/disable, user and role commands: thin calls to etcd's Auth service, printed as etcdctl 3.4
// prints them. (tsetcd has no auth yet; these are tested against real etcd.)
import type { authpb, etcdserverpb as pb } from '../../api/gen/etcd.js';
import { errorText } from '../../client/client-error.ts';
import type { Client } from '../../client/index.ts';
import { bytes, prefixEnd } from '../../client/values.ts';
import { goQuote } from '../go-format.ts';
import { Exit, exitWithError, out, outln } from '../output.ts';
import type { Printer } from '../printer.ts';
import { readLine } from '../prompt.ts';
import type { CommandSpec, Ctx, Flags } from '../spec.ts';
import { must } from './kv.ts';

type AuthPath = `/etcdserverpb.Auth/${string}`;

function call<T>(ctx: Ctx, method: string, req: unknown): Promise<T> {
  return must(ctx.client().call(`/etcdserverpb.Auth/${method}` as AuthPath as any, req as any) as Promise<T>);
}

/** fmt.Scanf("%s"): the first word of the first line. */
function scanWord(): string {
  return readLine().trim().split(/\s+/)[0] ?? '';
}

function askPassword(name: string): string {
  out(`Password of ${name}: `);
  const p1 = readLine();
  if (p1 === '') exitWithError(Exit.BadArgs, 'empty password');
  out(`Type password of ${name} again for confirmation: `);
  const p2 = readLine();
  if (p1 !== p2) exitWithError(Exit.BadArgs, 'given passwords are different');
  return p1;
}

/** fields form of a name list: `"Roles" : "a" "b"`. */
function names(label: string, list: string[]): void {
  outln(`"${label}" :${list.map((r) => ' ' + goQuote(r)).join('')}`);
}

const PERM_TYPES = ['READ', 'WRITE', 'READWRITE'];

function printRoleGet(p: Printer, role: string, r: pb.AuthRoleGetResponse): void {
  p.auth(
    'AuthRoleGetResponse',
    r,
    () => {
      outln(`Role ${role}`);
      const show = (perm: authpb.IPermission): void => {
        const key = Buffer.from(perm.key ?? []).toString('latin1');
        const end = Buffer.from(perm.range_end ?? []).toString('latin1');
        if (end.length === 0) return outln(`\t${key}`);
        let line = end !== '\x00' ? `\t[${key}, ${end})` : `\t[${key}, <open ended>`;
        if (prefixEnd(Buffer.from(key, 'latin1')).toString('latin1') === end) line += ` (prefix ${key})`;
        outln(line);
      };
      outln('KV Read:');
      for (const perm of r.perm) if ((perm.permType ?? 0) === 0 || perm.permType === 2) show(perm);
      outln('KV Write:');
      for (const perm of r.perm) if (perm.permType === 1 || perm.permType === 2) show(perm);
    },
    () => {
      for (const perm of r.perm) {
        outln(`"PermType" :  ${PERM_TYPES[perm.permType ?? 0] ?? String(perm.permType)}`);
        outln(`"Key" : ${goQuote(perm.key ?? new Uint8Array())}`);
        outln(`"RangeEnd" : ${goQuote(perm.range_end ?? new Uint8Array())}`);
      }
    },
  );
}

/** etcdctl's permRange: the key and range end of `<key> [endkey]` with --prefix / --from-key. */
function permRange(flags: Flags, args: string[]): { key: string; end: string } {
  const prefix = flags.bool('prefix');
  const fromKey = flags.bool('from-key');
  const key = args[0]!;
  if (key.length === 0) {
    if (prefix && fromKey)
      exitWithError(Exit.BadArgs, '--from-key and --prefix flags are mutually exclusive');
    // an empty key stands for the whole key space, which etcd writes as ["\x00", …)
    return { key: '\x00', end: prefix || fromKey ? '\x00' : '' };
  }
  if (args.length === 1) {
    if (prefix) {
      if (fromKey) exitWithError(Exit.BadArgs, '--from-key and --prefix flags are mutually exclusive');
      return { key, end: prefixEnd(Buffer.from(key, 'latin1')).toString('latin1') };
    }
    return { key, end: fromKey ? '\x00' : '' };
  }
  if (prefix) exitWithError(Exit.BadArgs, 'unexpected endkey argument with --prefix flag');
  if (fromKey) exitWithError(Exit.BadArgs, 'unexpected endkey argument with --from-key flag');
  return { key, end: args[1]! };
}

const permFlags = (verb: 'grant' | 'revoke'): CommandSpec['flags'] => [
  { name: 'prefix', type: 'bool', def: 'false', desc: `${verb} a prefix permission` },
  {
    name: 'from-key',
    type: 'bool',
    def: 'false',
    desc: `${verb} a permission of keys that are greater than or equal to the given key using byte compare`,
  },
];

const header = (p: Printer, codec: string, r: { header?: pb.IResponseHeader | null }, text: string): void =>
  p.auth(codec, r, () => outln(text));

export const authCommand: CommandSpec = {
  name: 'auth',
  use: 'auth <enable or disable>',
  short: 'Enable or disable authentication',
  sub: [
    {
      name: 'disable',
      use: 'disable',
      short: 'Disables authentication',
      async run(ctx, args) {
        if (args.length !== 0)
          exitWithError(Exit.BadArgs, 'auth disable command does not accept any arguments');
        await call(ctx, 'AuthDisable', {});
        outln('Authentication Disabled');
      },
    },
    {
      name: 'enable',
      use: 'enable',
      short: 'Enables authentication',
      async run(ctx, args) {
        if (args.length !== 0)
          exitWithError(Exit.BadArgs, 'auth enable command does not accept any arguments');
        const c: Client = ctx.client();
        // etcd refuses while root lacks the root role; etcdctl creates the role, grants it, tries again
        for (;;) {
          try {
            await c.call('/etcdserverpb.Auth/AuthEnable', {});
            break;
          } catch (e) {
            if (errorText(e) !== 'etcdserver: root user does not have root role')
              exitWithError(Exit.Error, e);
            await call(ctx, 'RoleAdd', { name: 'root' });
            await call(ctx, 'UserGrantRole', { user: 'root', role: 'root' });
          }
        }
        outln('Authentication Enabled');
      },
    },
  ],
};

export const userCommand: CommandSpec = {
  name: 'user',
  use: 'user <subcommand>',
  short: 'User related commands',
  sub: [
    {
      name: 'add',
      use: 'add <user name or user:password> [options]',
      short: 'Adds a new user',
      flags: [
        {
          name: 'interactive',
          type: 'bool',
          def: 'true',
          desc: 'Read password from stdin instead of interactive terminal',
        },
        {
          name: 'new-user-password',
          type: 'string',
          def: '',
          desc: 'Supply password from the command line flag',
        },
        {
          name: 'no-password',
          type: 'bool',
          def: 'false',
          desc: 'Create a user without password (CN based auth only)',
        },
      ],
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'user add command requires user name as its argument');
        let user = args[0]!;
        let password = '';
        const noPassword = ctx.flags.bool('no-password');
        if (!noPassword) {
          const fromFlag = ctx.flags.str('new-user-password');
          const colon = user.indexOf(':');
          if (fromFlag !== '') password = fromFlag;
          else if (colon < 0) password = ctx.flags.bool('interactive') ? askPassword(user) : scanWord();
          else {
            password = user.slice(colon + 1);
            user = user.slice(0, colon);
            if (user === '') exitWithError(Exit.BadArgs, 'empty user name is not allowed');
          }
        }
        const r = await call<pb.AuthUserAddResponse>(ctx, 'UserAdd', {
          name: user,
          password,
          options: { no_password: noPassword },
        });
        header(ctx.printer, 'AuthUserAddResponse', r, `User ${user} created`);
      },
    },
    {
      name: 'delete',
      use: 'delete <user name>',
      short: 'Deletes a user',
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'user delete command requires user name as its argument');
        const r = await call<pb.AuthUserDeleteResponse>(ctx, 'UserDelete', { name: args[0] });
        header(ctx.printer, 'AuthUserDeleteResponse', r, `User ${args[0]} deleted`);
      },
    },
    {
      name: 'get',
      use: 'get <user name> [options]',
      short: 'Gets detailed information of a user',
      flags: [
        { name: 'detail', type: 'bool', def: 'false', desc: 'Show permissions of roles granted to the user' },
      ],
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'user get command requires user name as its argument');
        const name = args[0]!;
        const r = await call<pb.AuthUserGetResponse>(ctx, 'UserGet', { name });
        if (ctx.flags.bool('detail')) {
          outln(`User: ${name}`);
          for (const role of r.roles) {
            out('\n');
            printRoleGet(ctx.printer, role, await call<pb.AuthRoleGetResponse>(ctx, 'RoleGet', { role }));
          }
          return;
        }
        // etcdctl 3.4 has no fields form of user get
        if (ctx.printer.format === 'fields') ctx.printer.unsupported();
        ctx.printer.auth(
          'AuthUserGetResponse',
          r,
          () => outln(`User: ${name}\nRoles:${r.roles.map((x) => ' ' + x).join('')}`),
          () => names('Roles', r.roles),
        );
      },
    },
    {
      name: 'grant-role',
      use: 'grant-role <user name> <role name>',
      short: 'Grants a role to a user',
      async run(ctx, args) {
        if (args.length !== 2)
          exitWithError(Exit.BadArgs, 'user grant command requires user name and role name as its argument');
        const r = await call<pb.AuthUserGrantRoleResponse>(ctx, 'UserGrantRole', {
          user: args[0],
          role: args[1],
        });
        header(ctx.printer, 'AuthUserGrantRoleResponse', r, `Role ${args[1]} is granted to user ${args[0]}`);
      },
    },
    {
      name: 'list',
      use: 'list',
      short: 'Lists all users',
      async run(ctx, args) {
        if (args.length !== 0) exitWithError(Exit.BadArgs, 'user list command requires no arguments');
        const r = await call<pb.AuthUserListResponse>(ctx, 'UserList', {});
        if (ctx.printer.format === 'fields') ctx.printer.unsupported();
        ctx.printer.auth(
          'AuthUserListResponse',
          r,
          () => {
            for (const u of r.users) outln(u);
          },
          () => names('Users', r.users),
        );
      },
    },
    {
      name: 'passwd',
      use: 'passwd <user name> [options]',
      short: 'Changes password of user',
      flags: [
        {
          name: 'interactive',
          type: 'bool',
          def: 'true',
          desc: 'If true, read password from stdin instead of interactive terminal',
        },
      ],
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'user passwd command requires user name as its argument');
        const password = ctx.flags.bool('interactive') ? askPassword(args[0]!) : scanWord();
        const r = await call<pb.AuthUserChangePasswordResponse>(ctx, 'UserChangePassword', {
          name: args[0],
          password,
        });
        header(ctx.printer, 'AuthUserChangePasswordResponse', r, 'Password updated');
      },
    },
    {
      name: 'revoke-role',
      use: 'revoke-role <user name> <role name>',
      short: 'Revokes a role from a user',
      async run(ctx, args) {
        if (args.length !== 2)
          exitWithError(Exit.BadArgs, 'user revoke-role requires user name and role name as its argument');
        const r = await call<pb.AuthUserRevokeRoleResponse>(ctx, 'UserRevokeRole', {
          name: args[0],
          role: args[1],
        });
        header(
          ctx.printer,
          'AuthUserRevokeRoleResponse',
          r,
          `Role ${args[1]} is revoked from user ${args[0]}`,
        );
      },
    },
  ],
};

export const roleCommand: CommandSpec = {
  name: 'role',
  use: 'role <subcommand>',
  short: 'Role related commands',
  sub: [
    {
      name: 'add',
      use: 'add <role name>',
      short: 'Adds a new role',
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'role add command requires role name as its argument');
        const r = await call<pb.AuthRoleAddResponse>(ctx, 'RoleAdd', { name: args[0] });
        header(ctx.printer, 'AuthRoleAddResponse', r, `Role ${args[0]} created`);
      },
    },
    {
      name: 'delete',
      use: 'delete <role name>',
      short: 'Deletes a role',
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'role delete command requires role name as its argument');
        const r = await call<pb.AuthRoleDeleteResponse>(ctx, 'RoleDelete', { role: args[0] });
        header(ctx.printer, 'AuthRoleDeleteResponse', r, `Role ${args[0]} deleted`);
      },
    },
    {
      name: 'get',
      use: 'get <role name>',
      short: 'Gets detailed information of a role',
      async run(ctx, args) {
        if (args.length !== 1)
          exitWithError(Exit.BadArgs, 'role get command requires role name as its argument');
        printRoleGet(
          ctx.printer,
          args[0]!,
          await call<pb.AuthRoleGetResponse>(ctx, 'RoleGet', { role: args[0] }),
        );
      },
    },
    {
      name: 'grant-permission',
      use: 'grant-permission [options] <role name> <permission type> <key> [endkey]',
      short: 'Grants a key to a role',
      flags: permFlags('grant'),
      async run(ctx, args) {
        if (args.length < 3)
          exitWithError(
            Exit.BadArgs,
            'role grant command requires role name, permission type, and key [endkey] as its argument',
          );
        const permType = PERM_TYPES.indexOf(args[1]!.toUpperCase());
        if (permType < 0) exitWithError(Exit.BadArgs, `invalid permission type: ${args[1]}`);
        const { key, end } = permRange(ctx.flags, args.slice(2));
        const r = await call<pb.AuthRoleGrantPermissionResponse>(ctx, 'RoleGrantPermission', {
          name: args[0],
          perm: {
            permType,
            key: bytes(Buffer.from(key, 'latin1')),
            range_end: bytes(Buffer.from(end, 'latin1')),
          },
        });
        header(ctx.printer, 'AuthRoleGrantPermissionResponse', r, `Role ${args[0]} updated`);
      },
    },
    {
      name: 'list',
      use: 'list',
      short: 'Lists all roles',
      async run(ctx, args) {
        if (args.length !== 0) exitWithError(Exit.BadArgs, 'role list command requires no arguments');
        const r = await call<pb.AuthRoleListResponse>(ctx, 'RoleList', {});
        ctx.printer.auth(
          'AuthRoleListResponse',
          r,
          () => {
            for (const x of r.roles) outln(x);
          },
          () => names('Roles', r.roles),
        );
      },
    },
    {
      name: 'revoke-permission',
      use: 'revoke-permission <role name> <key> [endkey]',
      short: 'Revokes a key from a role',
      flags: permFlags('revoke'),
      async run(ctx, args) {
        if (args.length < 2)
          exitWithError(
            Exit.BadArgs,
            'role revoke-permission command requires role name and key [endkey] as its argument',
          );
        const { key, end } = permRange(ctx.flags, args.slice(1));
        const r = await call<pb.AuthRoleRevokePermissionResponse>(ctx, 'RoleRevokePermission', {
          role: args[0],
          key: Buffer.from(key, 'latin1'),
          range_end: Buffer.from(end, 'latin1'),
        });
        const k = args[1]!;
        const text =
          end.length === 0
            ? `Permission of key ${k} is revoked from role ${args[0]}`
            : end !== '\x00'
              ? `Permission of range [${k}, ${end}) is revoked from role ${args[0]}`
              : `Permission of range [${k}, <open ended> is revoked from role ${args[0]}`;
        header(ctx.printer, 'AuthRoleRevokePermissionResponse', r, text);
      },
    },
  ],
};
