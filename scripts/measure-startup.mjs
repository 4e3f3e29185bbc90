// Measures how long `npm start` takes to answer GET /api/health with 200: the median of N runs.
//   node scripts/measure-startup.mjs [--runs 5] [--cold]
// Warm (default): the build and the demo data exist, as on every start after the first.
// --cold: a fresh data directory each run, so the demo organisation is generated and stored each time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const cold = args.includes('--cold');
const port = 3900;
const sharedDir = mkdtempSync(join(tmpdir(), 'checkpoint-startup-'));

async function once(dataDir) {
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent', '--', '--port', String(port)], {
    env: { ...process.env, DATA_DIR: dataDir, CHECKPOINT_ORG: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.status === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      } catch {
        // not listening yet
      }
      if (Number(process.hrtime.bigint() - started) > 300e9)
        throw new Error('no healthy answer within 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

// A first start that builds (when sources changed) and generates the demo data is not counted when warm.
if (!cold)
  console.log(`prepared in ${(await once(sharedDir)).toFixed(0)} ms (build and demo data, not counted)`);
const times = [];
for (let run = 0; run < runs; run++) {
  const dir = cold ? mkdtempSync(join(tmpdir(), 'checkpoint-startup-cold-')) : sharedDir;
  times.push(await once(dir));
  if (cold) rmSync(dir, { recursive: true, force: true });
  console.log(`run ${run + 1}: ${times.at(-1).toFixed(0)} ms`);
}
rmSync(sharedDir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
const median = runs % 2 ? sorted[(runs - 1) / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
console.log(
  `npm start to healthy (${cold ? 'cold: fresh data directory' : 'warm'}), median of ${runs}: ${median.toFixed(0)} ms`,
);
