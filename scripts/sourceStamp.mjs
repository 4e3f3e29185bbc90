import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'web', 'bench/generator', 'package-lock.json'];

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    yield* files(join(path, entry));
  }
}

/** A fingerprint of every source the build reads: the build is stale when it differs. */
export function sourceStamp() {
  const hash = createHash('sha256');
  for (const root of roots) for (const file of files(root)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}
