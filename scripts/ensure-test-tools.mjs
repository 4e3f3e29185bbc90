// Runs before `npm test`: the browser tests drive Debian's Chromium (never a downloaded browser).
// On a fresh machine where we are root, install it with apt-get; otherwise say exactly what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync(
      'apt-get',
      ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
      { stdio: 'inherit', env },
    );
  } else {
    console.error(
      `The browser tests need Chromium at ${chromium}: run "sudo apt-get install chromium" (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
}
