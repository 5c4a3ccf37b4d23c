// etcdctl 3.4's help and usage text (its cobra template, columns aligned by Go's tabwriter with tab padding:
// each tab-separated column is as wide as its widest cell plus one, rounded up to a multiple of 8).
import type { CommandSpec, FlagSpec } from './spec.ts';

export const ETCDCTL_VERSION = '3.4.23';
export const API_VERSION = '3.4';

/** Go's text/tabwriter with padchar '\t', tabwidth 8, padding 1, over one block of lines. */
export function tabAlign(lines: readonly string[]): string {
  const rows = lines.map((l) => l.split('\t'));
  const cols = Math.max(...rows.map((r) => r.length)) - 1;
  const widths: number[] = [];
  for (let c = 0; c < cols; c++) {
    let w = 0;
    for (const r of rows) if (c < r.length - 1) w = Math.max(w, r[c]!.length);
    widths.push(Math.ceil((w + 1) / 8) * 8);
  }
  return rows
    .map((r) =>
      r
        .map((cell, c) =>
          c === r.length - 1 ? cell : cell + '\t'.repeat(Math.ceil((widths[c]! - cell.length) / 8)),
        )
        .join(''),
    )
    .join('\n');
}

function flagLine(f: FlagSpec): string {
  const head = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
  let def: string;
  if (f.type === 'bool') def = `[=${f.def}]`;
  else if (f.type === 'string') def = `=${JSON.stringify(f.def)}`;
  else def = `=${f.def}`;
  return `${head}${def}\t${f.desc}`;
}

function flagBlock(flags: readonly FlagSpec[]): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return tabAlign(sorted.map(flagLine));
}

function leafCommands(spec: CommandSpec, prefix: string): Array<[string, string]> {
  const outList: Array<[string, string]> = [];
  for (const s of spec.sub ?? []) {
    if (s.hidden) continue;
    const name = prefix ? `${prefix} ${s.name}` : s.name;
    if (s.sub && s.sub.length > 0) outList.push(...leafCommands(s, name));
    else outList.push([name, s.short]);
  }
  return outList.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function usage(
  spec: CommandSpec,
  path: readonly string[],
  globals: readonly FlagSpec[],
  helpFlag: (name: string) => FlagSpec,
): string {
  const isRoot = path.length === 1;
  const title = isRoot ? spec.name : path.slice(1).join(' ');
  let s = `NAME:\n\t${title} - ${spec.short}\n\nUSAGE:\n\t${[...path.slice(0, -1), spec.use].join(' ')} [flags]\n\n`;
  if (isRoot) s += `VERSION:\n\t${ETCDCTL_VERSION}\n\n`;
  if (spec.long) s += `DESCRIPTION:\n\t${spec.long.split('\n').join('\n\t')}\n\n`;
  if (spec.sub && spec.sub.length > 0) {
    s += `API VERSION:\n\t${API_VERSION}\n\n\nCOMMANDS:\n`;
    const cmds = isRoot
      ? leafCommands(spec, '')
      : (spec.sub ?? []).filter((c) => !c.hidden).map((c): [string, string] => [c.name, c.short]);
    s += tabAlign(cmds.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, d]) => `\t${n}\t${d}`)) + '\n\n';
  }
  const local = [...(spec.flags ?? []), ...(spec.persistentFlags ?? []), helpFlag(spec.name)];
  if (isRoot) {
    s += `OPTIONS:\n${flagBlock([...globals, helpFlag('etcdctl')])}\n`;
    return s;
  }
  s += `OPTIONS:\n${flagBlock(local)}\n\n`;
  s += `GLOBAL OPTIONS:\n${flagBlock(globals)}\n\n`;
  return s;
}
