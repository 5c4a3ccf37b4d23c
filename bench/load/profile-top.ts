// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and the
// share of time per source file. Input for performance work.
//
//   npx tsx bench/load/profile-top.ts <file.cpuprofile> [top=25] [skip-ms=0]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/** A readable location: `pkg/file` inside node_modules, a repo-relative path for our code, node: as is. */
export function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    const pkgLen = rest[0]?.startsWith('@') ? 2 : 1;
    return `${rest.slice(0, pkgLen).join('/')}:${rest
      .slice(pkgLen)
      .join('/')
      .replace(/^(build\/|dist\/)?(src\/)?/, '')}`;
  }
  return path.replace(/^.*?\/(src|bench|test|bin)\//, '$1/');
}

/**
 * Self time per function (name + file:line) and per file, largest first, over the samples taken at least
 * `skipMs` after the profile started (to leave out start-up); idle time is left out.
 */
export function topSelfTime(
  profile: CpuProfile,
  top = 25,
  skipMs = 0,
): { functions: SelfTime[]; files: SelfTime[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the following interval to sample i
    at += deltas[i] ?? 0;
    if (at < skipMs * 1000) continue;
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + dt);
  }
  const fn = new Map<string, SelfTime>();
  const files = new Map<string, SelfTime>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    busyUs += us;
    const short = shortUrl(n.callFrame.url);
    const where = short ? `${short}:${n.callFrame.lineNumber + 1}` : '(native)';
    const key = `${name} ${where}`;
    const f = fn.get(key) ?? { name, where, ms: 0, share: 0 };
    f.ms += us / 1000;
    fn.set(key, f);
    const fileKey = short || (name.startsWith('(') ? name : '(native)');
    const g = files.get(fileKey) ?? { name: fileKey, where: '', ms: 0, share: 0 };
    g.ms += us / 1000;
    files.set(fileKey, g);
  }
  const finish = (m: Map<string, SelfTime>): SelfTime[] =>
    [...m.values()]
      .map((s) => ({ ...s, share: busyUs > 0 ? (s.ms * 1000) / busyUs : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { functions: finish(fn), files: finish(files), busyMs: busyUs / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: profile-top.ts <file.cpuprofile> [top] [skip-ms]\n');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  const skipMs = Number(process.argv[4] ?? 0);
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { functions, files, busyMs } = topSelfTime(prof, top, skipMs);
  const wall = (prof.endTime - prof.startTime) / 1000 - skipMs;
  process.stdout.write(
    `busy ${busyMs.toFixed(0)} ms of ${wall.toFixed(0)} ms profiled\n\nself time by function:\n`,
  );
  for (const f of functions) {
    process.stdout.write(
      `${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}\n`,
    );
  }
  process.stdout.write('\nself time by file:\n');
  for (const f of files) {
    process.stdout.write(
      `${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}\n`,
    );
  }
}
