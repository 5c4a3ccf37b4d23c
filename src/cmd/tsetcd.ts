#!/usr/bin/env node
// `tsetcd`: one etcd-compatible member, configured by etcd's flags, ETCD_* variables or --config-file.
import { loadConfig } from '../server/config.ts';
import { FlagError, FlagVerifyError, usage } from '../server/flags.ts';
import { ETCD_API_VERSION } from '../server/etcd-server.ts';
import { makeLogger, startMember } from '../embed/member.ts';

const TSETCD_VERSION = '0.1.0';

async function main(): Promise<number> {
  let outcome;
  try {
    outcome = loadConfig(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof FlagVerifyError) {
      process.stderr.write(`error verifying flags, ${e.message}. See 'tsetcd --help'.\n`);
      return 1;
    }
    if (e instanceof FlagError) {
      process.stderr.write(`${e.message}\n`);
      process.stderr.write(usage());
      return 2;
    }
    throw e;
  }
  if (outcome.kind === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  if (outcome.kind === 'version') {
    process.stdout.write(
      `tsetcd Version: ${TSETCD_VERSION}\netcd API Version: ${ETCD_API_VERSION}\nNode Version: ${process.version}\n`,
    );
    return 0;
  }
  const { config, warnings } = outcome;
  const log = makeLogger(config);
  for (const w of warnings) log.warn({}, w);
  log.info(
    {
      version: TSETCD_VERSION,
      'etcd-api': ETCD_API_VERSION,
      node: process.version,
      'node-flags': process.execArgv, // bin/node-flags.mjs: those a member should run with
      'data-dir': config.dataDir,
    },
    'starting tsetcd',
  );
  let member;
  try {
    member = await startMember({ config, logger: log });
  } catch (e) {
    log.error({ err: (e as Error).message }, 'failed to start');
    await new Promise((r) => setTimeout(r, 50));
    return 1;
  }
  let signals = 0;
  const onSignal = (sig: string) => {
    signals++;
    if (signals > 1) {
      log.warn({ signal: sig }, 'second signal: exiting now');
      process.exit(1);
    }
    log.info({ signal: sig }, 'received signal; shutting down');
    member!.close().then(
      () => process.exit(0),
      (e) => {
        log.error({ err: String(e) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  void member.server.stopped.then(() => {
    if (signals === 0) {
      // Removed from the cluster: a normal end, status 0 as etcd. Anything else is a failure.
      const code = member!.server.removedFromCluster ? 0 : 1;
      log.warn({ 'exit-code': code }, 'member stopped');
      void member!.close().then(() => process.exit(code));
    }
  });
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    process.stderr.write(`tsetcd: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
