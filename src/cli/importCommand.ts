import { createHash } from 'node:crypto';
import cliProgress from 'cli-progress';
import { parseEvents } from '../contract/events.js';
import { type Config, effectiveDataDir } from '../server/config.js';
import { ingestEvents } from '../store/events.js';
import { openDb } from '../store/openDb.js';
import { readEventFile } from './readEventFile.js';
import { findRunningServer, serverHeaders } from './runningServer.js';
import { withOrg } from './withOrg.js';

const batchSize = 5_000;

/**
 * Imports canonical events from a file: every event is validated first (nothing is stored when any is
 * invalid), then stored in batches through the running server's API, or directly on the data
 * directory when no server runs. Re-importing the same file changes nothing.
 */
export async function importCommand(base: Config, file: string, options: { org?: string }): Promise<void> {
  const config = withOrg(base, options.org);
  const read = await readEventFile(file);
  if ('error' in read) {
    console.error(read.error);
    process.exitCode = 1;
    return;
  }
  const parsed = parseEvents(read.events);
  if (!parsed.ok) {
    for (const problem of parsed.problems.slice(0, 50)) {
      const where = read.lines ? `${file}:${read.lines[problem.index]}` : `${file} event ${problem.index}`;
      console.error(`${where}  ${problem.field}: ${problem.message}`);
    }
    if (parsed.problems.length > 50) console.error(`… and ${parsed.problems.length - 50} more problems`);
    console.error(`nothing imported: ${parsed.problems.length} problem(s) in ${file}`);
    process.exitCode = 1;
    return;
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(read.events)).digest('hex').slice(0, 16);
  const batches = Math.ceil(read.events.length / batchSize);
  const server = await findRunningServer(config);
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {percentage}% | {value}/{total} events | {eta_formatted} left',
      noTTYOutput: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let duplicates = 0;
  bar.start(read.events.length, 0);
  const db = server
    ? undefined
    : await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
  try {
    for (let batch = 0; batch < batches; batch++) {
      const slice = read.events.slice(batch * batchSize, (batch + 1) * batchSize);
      const deliveryId = `import:${fingerprint}:${batch}`;
      if (server) {
        const response = await fetch(`${server}/api/events`, {
          method: 'POST',
          headers: serverHeaders(config, {
            'content-type': 'application/json',
            'idempotency-key': deliveryId,
          }),
          body: JSON.stringify({ events: slice }),
        });
        const body = (await response.json()) as { duplicate?: boolean; message?: string };
        if (!response.ok)
          throw new Error(
            `the server refused batch ${batch + 1}: ${response.status} ${body.message ?? JSON.stringify(body)}`,
          );
        if (body.duplicate) duplicates++;
      } else if (db) {
        const events = parsed.events.slice(batch * batchSize, (batch + 1) * batchSize);
        const outcome = await ingestEvents(
          db.kysely,
          { source: 'import', deliveryId, eventType: 'events', receivedAt: new Date(), payload: slice },
          events,
        );
        if (outcome.status === 'duplicate') duplicates++;
      }
      bar.update(Math.min(read.events.length, (batch + 1) * batchSize));
    }
  } finally {
    bar.stop();
    await db?.close();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `imported ${read.events.length} events from ${file} in ${seconds.toFixed(1)} s ${server ? `through ${server}` : `into ${effectiveDataDir(config)}`}` +
      (duplicates > 0 ? ` (${duplicates} of ${batches} batches were already imported)` : ''),
  );
}
