// elect: campaigns in a named election with a proposal and stays leader until interrupted (printing the
// leader key and value once elected), or with -l observes the election, printing each leader change.
import { interruptController } from '../interrupt.ts';
import { Exit, exitWithError } from '../output.ts';
import { Election } from '../recipes/election.ts';
import { Session } from '../recipes/session.ts';
import type { CommandSpec } from '../spec.ts';

export const electCommand: CommandSpec = {
  name: 'elect',
  use: 'elect <election-name> [proposal]',
  short: 'Observes and participates in leader election',
  flags: [{ name: 'listen', short: 'l', type: 'bool', def: 'false', desc: 'observation mode' }],
  async run(ctx, args) {
    if (args.length !== 1 && args.length !== 2)
      exitWithError(Exit.BadArgs, 'elect takes one election name argument and an optional proposal argument');
    const listen = ctx.flags.bool('listen');
    if (args.length === 1 && !listen) exitWithError(Exit.BadArgs, 'no proposal argument but -l not set');
    if (args.length === 2 && listen) exitWithError(Exit.BadArgs, 'proposal given but -l is set');
    const c = ctx.client();
    const fail = (e: unknown): never => exitWithError(Exit.Error, e);
    const session = await Session.create(c).catch(fail);
    const e = new Election(session, args[0]!);
    const { signal, interrupted } = interruptController();
    if (args.length === 1) {
      await e.observe(signal, (r) => ctx.printer.get(r)).catch(fail);
      return;
    }
    await e.campaign(args[1]!, signal).catch(fail);
    const r = await c.range({ key: Buffer.from(e.key) }).catch(fail);
    ctx.printer.get(r);
    const why = await Promise.race([interrupted.then(() => 'signal'), session.done.then(() => 'expired')]);
    if (why === 'expired') exitWithError(Exit.Error, 'elect: session expired');
    await e.resign().catch(fail);
  },
};
