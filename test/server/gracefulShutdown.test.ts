import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/openDb.js';
import { startServerProcess } from '../support/serverProcess.js';

const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const change = (n: number) => ({
  type: 'change',
  repo: 'acme/search',
  sha: `sha-${n}`,
  committedAt: '2026-03-01T10:00:00Z',
});

describe('graceful shutdown', () => {
  it('finishes the requests in flight on SIGTERM and loses no acknowledged write', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, CHECKPOINT_ORG: org });
    const acknowledged: number[] = [];
    const statuses = new Set<number>();
    const send = async (n: number) => {
      try {
        const response = await fetch(`${server.url}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events: [change(n)] }),
        });
        statuses.add(response.status);
        if (response.status === 200) acknowledged.push(n);
      } catch {
        // refused once the server stopped listening: not acknowledged, so nothing is owed
      }
    };
    const requests: Promise<void>[] = [];
    for (let n = 0; n < 400; n++) {
      requests.push(send(n));
      if (n === 150) server.child.kill('SIGTERM');
      if (n % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(requests);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received/);
    expect(acknowledged.length).toBeGreaterThan(0);
    // Requests that arrive while it stops are told to come back (503), never failed half-way.
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);

    // The database was closed cleanly (the lock is released) and holds every acknowledged change.
    const db = await openDb({ dataDir });
    const rows = await db.kysely.selectFrom('changes').select('sha').execute();
    await db.close();
    const stored = new Set(rows.map((r) => r.sha));
    expect(acknowledged.filter((n) => !stored.has(`sha-${n}`))).toEqual([]);
  }, 180_000);
});
