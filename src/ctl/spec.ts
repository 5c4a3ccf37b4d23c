// How tsetcdctl commands are declared: etcdctl's flags (pflag types and defaults, used for parsing, usage
// text and error messages) and a run function. cli.ts turns these into a commander program.
import type { Client } from '../client/index.ts';
import type { Printer } from './printer.ts';

export type FlagType = 'bool' | 'string' | 'int' | 'uint' | 'duration' | 'strings';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** Default as pflag prints it (`5s`, `0`, `false`, `[127.0.0.1:2379]`, `` for an empty string). */
  readonly def: string;
  readonly desc: string;
}

export interface CommandSpec {
  readonly name: string;
  /** cobra's Use line after the command path, e.g. `get [options] <key> [range_end]`. */
  readonly use: string;
  readonly short: string;
  readonly long?: string;
  /** Left out of help listings and completion (internal commands). */
  readonly hidden?: boolean;
  readonly flags?: readonly FlagSpec[];
  /** Flags this command and all its subcommands take (cobra's persistent flags). */
  readonly persistentFlags?: readonly FlagSpec[];
  readonly sub?: readonly CommandSpec[];
  /**
   * The command never talks to a server (version, completion, offline snapshot work): tsetcdctl starts it
   * without loading the client (gRPC and the protobuf codecs), and `ctx.client()` is not available to it.
   */
  readonly offline?: boolean;
  run?(ctx: Ctx, args: string[]): Promise<void>;
}

/** Parsed flag values with pflag's conversions; the error text of a bad value is pflag's. */
export interface Flags {
  bool(name: string): boolean;
  str(name: string): string;
  int(name: string): bigint;
  /** Milliseconds. */
  dur(name: string): number;
  strs(name: string): string[];
  /** The flag appeared on the command line. */
  changed(name: string): boolean;
}

export interface Ctx {
  readonly flags: Flags;
  readonly printer: Printer;
  /** The etcd client from the global flags (created on first use). */
  client(): Client;
  /** Arguments after `--` (watch's exec form), or undefined when there was no `--`. */
  readonly dashArgs: string[] | undefined;
  readonly globals: Globals;
}

export interface Globals {
  endpoints: string[];
  dialTimeoutMs: number;
  commandTimeoutMs: number;
  keepAliveTimeMs: number;
  keepAliveTimeoutMs: number;
  writeOut: string;
  hex: boolean;
  user: string;
  password: string;
  cacert: string;
  cert: string;
  key: string;
  insecureSkipTlsVerify: boolean;
  insecureTransport: boolean;
  debug: boolean;
}
