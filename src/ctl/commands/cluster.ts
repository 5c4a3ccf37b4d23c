// member add/remove/update/list/promote, endpoint health/status/hashkv, alarm, defrag, move-leader, version.
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { errorText } from '../../client/client-error.ts';
import type { Client, ClientOptions } from '../../client/index.ts';
import { toBig } from '../../client/values.ts';
import { clientFromGlobals } from '../cli.ts';
import { goQuote, hex } from '../go-format.ts';
import { CtlExit, errOut, Exit, exitWithError, outln } from '../output.ts';
import type { EpHealth } from '../printer.ts';
import type { CommandSpec, Ctx } from '../spec.ts';
import { API_VERSION, ETCDCTL_VERSION } from '../usage.ts';
import { must } from './kv.ts';

function memberId(arg: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(arg) || BigInt('0x' + arg) > 0xffffffffffffffffn) {
    const why = /^[0-9a-fA-F]+$/.test(arg) ? 'value out of range' : 'invalid syntax';
    exitWithError(
      Exit.BadArgs,
      `bad member ID arg (strconv.ParseUint: parsing ${JSON.stringify(arg)}: ${why}), expecting ID in Hex`,
    );
  }
  return BigInt('0x' + arg);
}

const peerUrlsFlag = {
  name: 'peer-urls',
  type: 'string',
  def: '',
  desc: 'comma separated peer URLs for the new member.',
} as const;

const memberAdd: CommandSpec = {
  name: 'add',
  use: 'add <memberName> [options]',
  short: 'Adds a member into the cluster',
  flags: [
    peerUrlsFlag,
    { name: 'learner', type: 'bool', def: 'false', desc: 'indicates if the new member is raft learner' },
  ],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'member name not provided');
    const name = args[0]!;
    const urls = ctx.flags.strs('peer-urls').filter((u) => u !== '');
    if (urls.length === 0) exitWithError(Exit.BadArgs, 'member peer urls not provided');
    const r = await must(ctx.client().memberAdd(urls, ctx.flags.bool('learner')));
    ctx.printer.memberAdd(r);
    if (ctx.printer.format !== 'simple') return;
    const newId = toBig(r.member?.ID as any, true);
    const conf: string[] = [];
    for (const m of r.members) {
      for (const u of m.peerURLs ?? []) {
        const n = toBig(m.ID as any, true) === newId ? name : m.name;
        conf.push(`${n}=${u}`);
      }
    }
    outln(`\nETCD_NAME=${goQuote(name)}`);
    outln(`ETCD_INITIAL_CLUSTER=${goQuote(conf.join(','))}`);
    outln(`ETCD_INITIAL_ADVERTISE_PEER_URLS=${goQuote(urls.join(','))}`);
    outln(`ETCD_INITIAL_CLUSTER_STATE="existing"`);
  },
};

const memberRemove: CommandSpec = {
  name: 'remove',
  use: 'remove <memberID>',
  short: 'Removes a member from the cluster',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'member ID is not provided');
    const id = memberId(args[0]!);
    const r = await must(ctx.client().memberRemove(id));
    ctx.printer.memberChange('removed from', id, r, 'MemberRemoveResponse');
  },
};

const memberUpdate: CommandSpec = {
  name: 'update',
  use: 'update <memberID> [options]',
  short: 'Updates a member in the cluster',
  flags: [{ ...peerUrlsFlag, desc: 'comma separated peer URLs for the updated member.' }],
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'member ID is not provided');
    const id = memberId(args[0]!);
    const urls = ctx.flags.strs('peer-urls').filter((u) => u !== '');
    if (urls.length === 0) exitWithError(Exit.BadArgs, 'member peer urls not provided');
    const r = await must(ctx.client().memberUpdate(id, urls));
    ctx.printer.memberChange(
      'updated in',
      id,
      r as unknown as pb.MemberRemoveResponse,
      'MemberUpdateResponse',
    );
  },
};

const memberPromote: CommandSpec = {
  name: 'promote',
  use: 'promote <memberID>',
  short: 'Promotes a non-voting member in the cluster',
  long: 'Promotes a non-voting learner member to a voting one in the cluster.',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'member ID is not provided');
    const id = memberId(args[0]!);
    const r = await must(ctx.client().memberPromote(id));
    ctx.printer.memberChange(
      'promoted in',
      id,
      r as unknown as pb.MemberRemoveResponse,
      'MemberPromoteResponse',
    );
  },
};

const memberList: CommandSpec = {
  name: 'list',
  use: 'list',
  short: 'Lists all members in the cluster',
  long:
    'When --write-out is set to simple, this command prints out comma-separated member lists for each endpoint.\n' +
    'The items in the lists are ID, Status, Name, Peer Addrs, Client Addrs, Is Learner.',
  async run(ctx) {
    const r = await must(ctx.client().memberList());
    ctx.printer.memberList(r);
  },
};

export const memberCommand: CommandSpec = {
  name: 'member',
  use: 'member <subcommand>',
  short: 'Membership related commands',
  sub: [memberAdd, memberList, memberPromote, memberRemove, memberUpdate],
};

const clusterFlag = {
  name: 'cluster',
  type: 'bool',
  def: 'false',
  desc: 'use all endpoints from the cluster member list',
} as const;

/** --endpoints, or with --cluster every client URL of the member list. */
async function endpointsOf(ctx: Ctx): Promise<string[]> {
  if (!ctx.flags.bool('cluster')) return ctx.globals.endpoints;
  const r = await must(ctx.client().memberList());
  const eps: string[] = [];
  for (const m of r.members) eps.push(...(m.clientURLs ?? []));
  return eps;
}

function oneEndpointClient(ctx: Ctx, ep: string): Client {
  return clientFromGlobals({ ...ctx.globals, endpoints: [ep] });
}

const health: CommandSpec = {
  name: 'health',
  use: 'health',
  short: 'Checks the healthiness of endpoints specified in `--endpoints` flag',
  async run(ctx) {
    const eps = await endpointsOf(ctx);
    const results: EpHealth[] = await Promise.all(
      eps.map(async (ep) => {
        const c = oneEndpointClient(ctx, ep);
        const start = process.hrtime.bigint();
        let error = '';
        try {
          // a linearizable read needs a leader and a quorum; permission denied still proves that
          await c.get('health');
        } catch (e) {
          const t = errorText(e);
          if (t !== 'etcdserver: permission denied') error = t;
        }
        if (error === '') {
          try {
            const a = await c.alarm({ action: 0 });
            if (a.alarms.length > 0)
              error = `Active Alarm(s): ${a.alarms.map((x) => ['NONE', 'NOSPACE', 'CORRUPT'][x.alarm ?? 0] ?? x.alarm).join(' ')}`;
          } catch (e) {
            error = `Unable to fetch the alarm list (${errorText(e)})`;
          }
        }
        const tookNs = Number(process.hrtime.bigint() - start);
        c.close();
        return { ep, health: error === '', tookNs, error };
      }),
    );
    ctx.printer.endpointHealth(results);
    if (results.some((h) => !h.health)) exitWithError(Exit.Error, 'unhealthy cluster');
  },
};

const status: CommandSpec = {
  name: 'status',
  use: 'status',
  short: 'Prints out the status of endpoints specified in `--endpoints` flag',
  long:
    'When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.\n' +
    'The items in the lists are endpoint, ID, version, db size, is leader, is learner, raft term, raft index, raft applied index, errors.',
  async run(ctx) {
    const eps = await endpointsOf(ctx);
    const list = [];
    for (const ep of eps) {
      const c = oneEndpointClient(ctx, ep);
      try {
        list.push({ ep, resp: await c.status() });
      } catch (e) {
        errOut(`Failed to get the status of endpoint ${ep} (${errorText(e)})\n`);
      } finally {
        c.close();
      }
    }
    ctx.printer.endpointStatus(list);
    if (list.length !== eps.length) throw new CtlExit(Exit.Error);
  },
};

const hashkv: CommandSpec = {
  name: 'hashkv',
  use: 'hashkv',
  short: 'Prints the KV history hash for each endpoint in --endpoints',
  flags: [{ name: 'rev', type: 'int', def: '0', desc: 'maximum revision to hash (default: all revisions)' }],
  async run(ctx) {
    const eps = await endpointsOf(ctx);
    const list = [];
    for (const ep of eps) {
      const c = oneEndpointClient(ctx, ep);
      try {
        list.push({ ep, resp: await c.hashKV(ctx.flags.int('rev')) });
      } catch (e) {
        errOut(`Failed to get the hash of endpoint ${ep} (${errorText(e)})\n`);
      } finally {
        c.close();
      }
    }
    ctx.printer.endpointHashKV(list);
    if (list.length !== eps.length) throw new CtlExit(Exit.Error);
  },
};

export const endpointCommand: CommandSpec = {
  name: 'endpoint',
  use: 'endpoint <subcommand>',
  short: 'Endpoint related commands',
  persistentFlags: [clusterFlag],
  sub: [hashkv, health, status],
};

export const alarmCommand: CommandSpec = {
  name: 'alarm',
  use: 'alarm <subcommand>',
  short: 'Alarm related commands',
  sub: [
    {
      name: 'disarm',
      use: 'disarm',
      short: 'Disarms all alarms',
      async run(ctx, args) {
        if (args.length !== 0) exitWithError(Exit.BadArgs, 'alarm disarm command accepts no arguments');
        const c = ctx.client();
        const list = await must(c.alarm({ action: 0 }));
        let last = list;
        for (const a of list.alarms)
          last = await must(c.alarm({ action: 2, memberID: a.memberID, alarm: a.alarm }));
        if (list.alarms.length > 0) last.alarms = list.alarms;
        ctx.printer.alarm(list.alarms.length > 0 ? last : list);
      },
    },
    {
      name: 'list',
      use: 'list',
      short: 'Lists all alarms',
      async run(ctx, args) {
        if (args.length !== 0) exitWithError(Exit.BadArgs, 'alarm list command accepts no arguments');
        ctx.printer.alarm(await must(ctx.client().alarm({ action: 0 })));
      },
    },
  ],
};

export const defragCommand: CommandSpec = {
  name: 'defrag',
  use: 'defrag',
  short: 'Defragments the storage of the etcd members with given endpoints',
  flags: [
    clusterFlag,
    {
      name: 'data-dir',
      type: 'string',
      def: '',
      desc: 'Optional. If present, defragments a data directory not in use by etcd.',
    },
  ],
  async run(ctx) {
    if (ctx.flags.str('data-dir') !== '')
      exitWithError(
        Exit.Error,
        'offline defragmentation of a bbolt data directory is not supported by tsetcdctl',
      );
    const eps = await endpointsOf(ctx);
    let failures = 0;
    for (const ep of eps) {
      const c = oneEndpointClient(ctx, ep);
      try {
        await c.defragment({ timeoutMs: ctx.globals.commandTimeoutMs });
        outln(`Finished defragmenting etcd member[${ep}]`);
      } catch (e) {
        errOut(`Failed to defragment etcd member[${ep}] (${errorText(e)})\n`);
        failures++;
      } finally {
        c.close();
      }
    }
    if (failures > 0) throw new CtlExit(Exit.Error);
  },
};

export const moveLeaderCommand: CommandSpec = {
  name: 'move-leader',
  use: 'move-leader <transferee-member-id>',
  short: 'Transfers leadership to another etcd cluster member.',
  async run(ctx, args) {
    if (args.length !== 1) exitWithError(Exit.BadArgs, 'move-leader command needs 1 argument');
    const target = BigInt.asUintN(
      64,
      BigInt(
        '0x' +
          (/^[0-9a-fA-F]+$/.test(args[0]!)
            ? args[0]
            : exitWithError(
                Exit.BadArgs,
                `strconv.ParseUint: parsing ${JSON.stringify(args[0])}: invalid syntax`,
              )),
      ),
    );
    let leaderEp: string | undefined;
    let leaderId = 0n;
    for (const ep of ctx.globals.endpoints) {
      const c = oneEndpointClient(ctx, ep);
      try {
        const s = await c.status();
        if (toBig(s.leader as any, true) === toBig(s.header?.member_id as any, true)) {
          leaderEp = ep;
          leaderId = toBig(s.leader as any, true);
        }
      } catch (e) {
        exitWithError(Exit.Error, e);
      } finally {
        c.close();
      }
      if (leaderEp) break;
    }
    if (!leaderEp)
      exitWithError(Exit.BadArgs, `no leader endpoint given at [${ctx.globals.endpoints.join(' ')}]`);
    const c = oneEndpointClient(ctx, leaderEp);
    try {
      await c.moveLeader(target);
    } catch (e) {
      exitWithError(Exit.Error, e);
    } finally {
      c.close();
    }
    outln(`Leadership transferred from ${hex(leaderId)} to ${hex(target)}`);
  },
};

export const versionCommand: CommandSpec = {
  name: 'version',
  use: 'version',
  short: 'Prints the version of etcdctl',
  offline: true,
  async run() {
    outln(`etcdctl version: ${ETCDCTL_VERSION}`);
    outln(`API version: ${API_VERSION}`);
  },
};

export type { ClientOptions };
