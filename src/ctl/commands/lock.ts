// lock: acquires a named mutex (recipes/mutex.ts) and holds it until interrupted, printing the lock key;
// or runs a command while holding it, with ETCD_LOCK_KEY and ETCD_LOCK_REV in its environment.
import { spawn } from 'node:child_process';
import { toNum } from '../../client/values.ts';
import { interruptController } from '../interrupt.ts';
import { Exit, exitWithError } from '../output.ts';
import { Mutex } from '../recipes/mutex.ts';
import { Session } from '../recipes/session.ts';
import type { CommandSpec } from '../spec.ts';

/** Runs a command with inherited stdio; resolves to Go's exec error text, or undefined on exit status 0. */
export function runCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: 'inherit' });
    child.once('error', (e: NodeJS.ErrnoException) =>
      resolve(
        e.code === 'ENOENT'
          ? `exec: ${JSON.stringify(argv[0])}: executable file not found in $PATH`
          : `fork/exec ${argv[0]}: ${e.message}`,
      ),
    );
    child.once('exit', (code, sig) => {
      if (sig) resolve(`signal: ${GO_SIGNAL_NAMES[sig] ?? sig}`);
      else resolve(code === 0 ? undefined : `exit status ${code}`);
    });
  });
}

const GO_SIGNAL_NAMES: Record<string, string> = {
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGHUP: 'hangup',
  SIGQUIT: 'quit',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGPIPE: 'broken pipe',
};

export const lockCommand: CommandSpec = {
  name: 'lock',
  use: 'lock <lockname> [exec-command arg1 arg2 ...]',
  short: 'Acquires a named lock',
  flags: [{ name: 'ttl', type: 'int', def: '10', desc: 'timeout for session' }],
  async run(ctx, args) {
    const all = [...args, ...(ctx.dashArgs ?? [])];
    if (all.length === 0)
      exitWithError(Exit.BadArgs, 'lock takes a lock name argument and an optional command to execute');
    const c = ctx.client();
    const fail = (e: unknown): never => exitWithError(Exit.Error, e);
    const session = await Session.create(c, Number(ctx.flags.int('ttl'))).catch(fail);
    const m = new Mutex(session, all[0]!);
    const { signal, interrupted } = interruptController();
    await m.lock(signal).catch(fail);
    const cmd = all.slice(1);
    if (cmd.length > 0) {
      const env = {
        ETCD_LOCK_KEY: m.key,
        ETCD_LOCK_REV: String(toNum(m.header?.revision)),
        ...process.env,
      };
      const err = await runCommand(cmd, env);
      const unlockErr = await m.unlock().then(
        () => undefined,
        (e: unknown) => e,
      );
      if (err !== undefined) exitWithError(Exit.Error, err);
      if (unlockErr !== undefined) fail(unlockErr);
      return;
    }
    const k = await c.range({ key: Buffer.from(m.key) }).catch(fail);
    if (k.kvs.length === 0) exitWithError(Exit.Error, 'lock lost on init');
    ctx.printer.get(k);
    const why = await Promise.race([interrupted.then(() => 'signal'), session.done.then(() => 'expired')]);
    if (why === 'expired') exitWithError(Exit.Error, 'session expired');
    await m.unlock().catch(fail);
  },
};
