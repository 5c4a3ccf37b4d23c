// lease grant / revoke / timetolive / list / keep-alive.
import { errorText } from '../../client/client-error.ts';
import { hex16, parseGoInt } from '../go-format.ts';
import { Exit, exitWithError, outln } from '../output.ts';
import type { CommandSpec } from '../spec.ts';
import { must } from './kv.ts';

function leaseId(arg: string): bigint {
  const id = parseGoInt(arg, 16);
  if (id === undefined) {
    const why = /^[+-]?[0-9a-fA-F]+$/.test(arg) ? 'value out of range' : 'invalid syntax';
    exitWithError(
      Exit.BadArgs,
      `bad lease ID arg (strconv.ParseInt: parsing ${JSON.stringify(arg)}: ${why}), expecting ID in Hex`,
    );
  }
  return id;
}

async function wrap<T>(p: Promise<T>, what: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    return exitWithError(Exit.Error, `${what} (${errorText(e)})`);
  }
}

const grant: CommandSpec = {
  name: 'grant',
  use: 'grant <ttl>',
  short: 'Creates leases',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'lease grant command needs TTL argument');
    const ttl = parseGoInt(args[0]!);
    if (ttl === undefined)
      exitWithError(
        Exit.BadArgs,
        `bad TTL (strconv.ParseInt: parsing ${JSON.stringify(args[0])}: invalid syntax)`,
      );
    const r = await wrap(ctx.client().leaseGrant(Number(ttl)), 'failed to grant lease');
    ctx.printer.leaseGrant(r);
  },
};

const revoke: CommandSpec = {
  name: 'revoke',
  use: 'revoke <leaseID>',
  short: 'Revokes leases',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'lease revoke command needs 1 argument');
    const id = leaseId(args[0]!);
    const r = await wrap(ctx.client().leaseRevoke(id), 'failed to revoke lease');
    ctx.printer.leaseRevoke(id, r);
  },
};

const timetolive: CommandSpec = {
  name: 'timetolive',
  use: 'timetolive <leaseID> [options]',
  short: 'Get lease information',
  flags: [{ name: 'keys', type: 'bool', def: 'false', desc: 'Get keys attached to this lease' }],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'lease timetolive command needs lease ID as argument');
    const id = leaseId(args[0]!);
    const keys = ctx.flags.bool('keys');
    const r = await must(ctx.client().leaseTimeToLive(id, keys));
    ctx.printer.timeToLive(r, keys);
  },
};

const list: CommandSpec = {
  name: 'list',
  use: 'list',
  short: 'List all active leases',
  async run(ctx) {
    const r = await wrap(ctx.client().leaseLeases(), 'failed to list leases');
    ctx.printer.leases(r);
  },
};

const keepAlive: CommandSpec = {
  name: 'keep-alive',
  use: 'keep-alive [options] <leaseID>',
  short: 'Keeps leases alive (renew)',
  flags: [
    {
      name: 'once',
      type: 'bool',
      def: 'false',
      desc: 'Resets the keep-alive time to its original value and exits immediately',
    },
  ],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'lease keep-alive command needs lease ID as argument');
    const id = leaseId(args[0]!);
    if (ctx.flags.bool('once')) {
      let r;
      try {
        r = await ctx.client().keepAliveOnce(id);
      } catch (e) {
        return exitWithError(Exit.BadConnection, e);
      }
      ctx.printer.keepAlive(r);
      return;
    }
    try {
      for await (const r of ctx.client().keepAlive(id)) {
        if (Number(r.TTL) <= 0) break;
        ctx.printer.keepAlive(r);
      }
    } catch (e) {
      exitWithError(Exit.Error, e);
    }
    if (ctx.printer.format === 'simple') outln(`lease ${hex16(id)} expired or revoked.`);
  },
};

export const leaseCommand: CommandSpec = {
  name: 'lease',
  use: 'lease <subcommand>',
  short: 'Lease related commands',
  sub: [grant, keepAlive, list, revoke, timetolive],
};
