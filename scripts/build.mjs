// Builds what `npm start` runs: the web app (Vite) into dist/web and the server and CLI (esbuild) into dist/cli.js.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { sourceStamp } from './sourceStamp.mjs';

const started = Date.now();
execFileSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
mkdirSync('dist', { recursive: true });
writeFileSync('dist/stamp', sourceStamp());
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
