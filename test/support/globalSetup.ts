import { execFileSync } from 'node:child_process';

/** Builds the web app and server bundle once, before any test starts the product (only when sources changed). */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [
      '-e',
      "import('./scripts/sourceStamp.mjs').then(async ({ sourceStamp }) => { const fs = await import('node:fs'); let built = ''; try { built = fs.readFileSync('dist/stamp', 'utf8'); } catch {} if (built !== sourceStamp()) await import('./scripts/build.mjs'); })",
    ],
    {
      stdio: 'inherit',
      cwd: new URL('../../', import.meta.url).pathname,
    },
  );
}
