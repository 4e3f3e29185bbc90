import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder: the stamp and the build do not depend on where they are started from. */
const root = fileURLToPath(new URL('..', import.meta.url));
const roots = ['src', 'web', 'bench/generator', 'package-lock.json'];
const stampFile = join(root, 'dist/stamp');
/** What the build writes and `npm start` serves: a build without them is no build. */
const outputs = ['dist/web/index.html', 'dist/cli.js'];

function* files(path) {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(join(root, path)).sort()) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    yield* files(join(path, entry));
  }
}

/** A fingerprint of every source the build reads: the build is stale when it differs. */
export function sourceStamp() {
  const hash = createHash('sha256');
  for (const path of roots)
    for (const file of files(path)) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

/**
 * Builds the web app and the server (scripts/build.mjs) when the sources changed since the last build
 * or its output is missing; otherwise does nothing. Whether it built.
 */
export function buildIfStale() {
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (built === sourceStamp() && outputs.every((output) => existsSync(join(root, output)))) return false;
  console.log('building the web app and the server (only when the sources changed)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: root });
  return true;
}
