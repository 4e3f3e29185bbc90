// `npm start`: builds when the sources changed since the last build, then runs the server.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sourceStamp } from './sourceStamp.mjs';

let built = '';
try {
  built = readFileSync('dist/stamp', 'utf8');
} catch {
  // not built yet
}
if (built !== sourceStamp()) {
  console.log('building the web app and the server (only when the sources changed)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
process.argv = [process.argv[0], 'dist/cli.js', 'serve', ...process.argv.slice(2)];
await import(new URL('../dist/cli.js', import.meta.url).href);
