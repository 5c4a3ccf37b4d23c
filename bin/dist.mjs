// Which code a command runs: the compiled `dist/` when it was built from exactly the sources in `src/` now,
// otherwise the TypeScript sources through tsx. `npm run build` (also run by `npm ci`/`npm install`, as the
// `prepare` script) writes `dist/.build-stamp.json` holding a digest of every file the build reads; this
// module recomputes that digest at start-up and uses dist/ only when the two agree. Any edit, added or
// removed source file, or a half-finished build therefore means "run the sources": never stale code.
//
// TSETCD_RUN=src forces the sources, TSETCD_RUN=dist insists on an up-to-date dist/ (exits otherwise);
// unset (or `auto`) picks as above. Plain JavaScript with node:* imports only: it runs before tsx exists.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = 'dist';
export const STAMP_FILE = '.build-stamp.json';
/** Files outside src/ that change what tsc emits. */
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** Digest of everything the build reads, relative to `root`: file names and contents, in a fixed order. */
export function sourceDigest(root = REPO_ROOT) {
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    // tests are not compiled into dist/ (tsconfig.build.json excludes them): editing one changes nothing
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .concat(CONFIG_FILES.map((f) => join(root, f)))
    .map((p) => relative(root, p).split(sep).join('/'))
    .sort();
  const h = createHash('sha256');
  for (const f of files) {
    const body = readFileSync(join(root, f));
    h.update(`${f}\0${body.length}\0`);
    h.update(body);
  }
  return h.digest('hex');
}

/** The built entry `rel` (e.g. 'cmd/tsetcd.js') when dist/ matches the sources, else a reason it does not. */
export function freshDist(rel, root = REPO_ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, DIST_DIR, STAMP_FILE), 'utf8'));
  } catch {
    return { reason: 'dist/ is not built (npm run build)' };
  }
  if (stamp.digest !== sourceDigest(root)) return { reason: 'dist/ is older than src/ (npm run build)' };
  return { file: join(root, DIST_DIR, rel) };
}

/** Runs `dist/<distRel>` or `src/<srcRel>` per the rule above. */
export async function launch(distRel, srcRel) {
  const mode = process.env.TSETCD_RUN ?? 'auto';
  if (mode !== 'src') {
    const d = freshDist(distRel);
    if (d.file) {
      await import(pathToFileURL(d.file).href);
      return;
    }
    if (mode === 'dist') {
      process.stderr.write(`TSETCD_RUN=dist but ${d.reason}\n`);
      process.exit(2);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(REPO_ROOT, srcRel)).href);
}
