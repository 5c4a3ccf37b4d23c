// completion: shell scripts that complete tsetcdctl's commands, flags and a few flag values. The scripts
// are small and ask the program itself (`tsetcdctl __complete <words…>`), so they never go stale; the
// command tree (root.ts) is the only source of names.
import { FORMATS } from '../printer.ts';
import { out } from '../output.ts';
import type { CommandSpec, FlagSpec } from '../spec.ts';
import { Exit, exitWithError } from '../output.ts';

export const COMPLETE_COMMAND = '__complete';

const PROGRAM = 'tsetcdctl';

const BASH = `# bash completion for ${PROGRAM}; load with: source <(${PROGRAM} completion bash)
_${PROGRAM}_complete() {
  local IFS=$'\\n'
  # the words typed so far after the program name, the one under the cursor last
  COMPREPLY=($("\${COMP_WORDS[0]}" ${COMPLETE_COMMAND} "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _${PROGRAM}_complete ${PROGRAM}
`;

const ZSH = `#compdef ${PROGRAM}
# zsh completion for ${PROGRAM}; load with: source <(${PROGRAM} completion zsh), or save as _${PROGRAM} in $fpath
_${PROGRAM}() {
  local -a candidates
  candidates=("\${(@f)$(\${words[1]} ${COMPLETE_COMMAND} "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -- \${candidates:#}
}
if [ "$funcstack[1]" = "_${PROGRAM}" ]; then
  _${PROGRAM} "$@"
else
  compdef _${PROGRAM} ${PROGRAM}
fi
`;

/** Values offered after a flag that takes one. */
const FLAG_VALUES: Record<string, readonly string[]> = {
  'write-out': FORMATS,
  'sort-by': ['CREATE', 'KEY', 'MODIFY', 'VALUE', 'VERSION'],
  order: ['ASCEND', 'DESCEND'],
  consistency: ['l', 's'],
  load: ['s', 'm', 'l', 'xl'],
};

/** Candidates for the last of `words` (the word being completed), given the words before it. */
export function complete(
  root: CommandSpec,
  globals: readonly FlagSpec[],
  words: readonly string[],
): string[] {
  const cur = words[words.length - 1] ?? '';
  let node = root;
  // persistent flags of the commands walked through so far (cobra's inherited flags)
  const inherited: FlagSpec[] = [];
  const own = (): FlagSpec[] => [
    ...(node.flags ?? []),
    ...(node.persistentFlags ?? []),
    ...inherited,
    ...globals,
  ];
  const flagOf = (w: string): FlagSpec | undefined => {
    const all = own();
    if (w.startsWith('--')) return all.find((f) => f.name === w.slice(2).split('=')[0]);
    if (/^-[a-z]$/.test(w)) return all.find((f) => f.short === w.slice(1));
    return undefined;
  };
  let pendingValue: FlagSpec | undefined;
  for (const w of words.slice(0, -1)) {
    if (pendingValue) {
      pendingValue = undefined;
      continue;
    }
    if (w === '--') return [];
    if (w.startsWith('-')) {
      const f = flagOf(w);
      if (f && f.type !== 'bool' && !w.includes('=')) pendingValue = f;
      continue;
    }
    const next = node.sub?.find((s) => s.name === w && !s.hidden);
    if (next) {
      inherited.push(...(node.persistentFlags ?? []));
      node = next;
    }
  }
  if (pendingValue) return (FLAG_VALUES[pendingValue.name] ?? []).filter((v) => v.startsWith(cur));
  if (cur.startsWith('-')) {
    const names = [...own(), { name: 'help' } as FlagSpec].map((f) => `--${f.name}`);
    return [...new Set(names)].filter((n) => n.startsWith(cur)).sort();
  }
  return (node.sub ?? [])
    .filter((s) => !s.hidden && s.name.startsWith(cur))
    .map((s) => s.name)
    .sort();
}

const shell = (name: string, short: string, script: string): CommandSpec => ({
  name,
  use: name,
  short,
  offline: true,
  async run(_ctx, args) {
    if (args.length !== 0) exitWithError(Exit.BadArgs, `completion ${name} takes no arguments`);
    out(script);
  },
});

export const completionCommand: CommandSpec = {
  name: 'completion',
  use: 'completion',
  short: 'Generate the autocompletion script for the specified shell',
  long: `Generate the autocompletion script for ${PROGRAM} for the specified shell.\nSee each sub-command's help for details on how to use the generated script.`,
  sub: [
    shell('bash', 'Generate the autocompletion script for bash', BASH),
    shell('zsh', 'Generate the autocompletion script for zsh', ZSH),
  ],
};
