import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-reload-'));
const orgFile = join(dir, 'org.yaml');
copyFileSync(new URL('../fixtures/org/good.yaml', import.meta.url), orgFile);

interface OrgResponse {
  organisation: { tribes: { name: string; squads: { name: string; services: { name: string }[] }[] }[] };
  reloadProblems: string[];
  ownership: { service: string; squad: string; from: string }[];
}

describe('reloading the organisation file', () => {
  let server: ServerProcess;
  const org = async () => (await (await fetch(`${server.url}/api/org`)).json()) as OrgResponse;
  const squadOf = (body: OrgResponse, service: string) =>
    body.organisation.tribes.flatMap((t) => t.squads).find((s) => s.services.some((v) => v.name === service))
      ?.name;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: join(dir, 'data'), CHECKPOINT_ORG: orgFile });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows a change of the file, keeping the ownership history with its dates', async () => {
    expect(squadOf(await org(), 'listings')).toBe('product');
    writeFileSync(
      orgFile,
      readFileSync(orgFile, 'utf8').replace('      - name: product\n', '      - name: catalogue\n'),
    );
    await expect.poll(async () => squadOf(await org(), 'listings'), { timeout: 10_000 }).toBe('catalogue');
    const history = (await org()).ownership.filter((o) => o.service === 'listings');
    expect(history.map((o) => o.squad)).toEqual(['product', 'catalogue']);
    expect(history[0]?.from).toBe('1970-01-01T00:00:00.000Z');
  });

  it('keeps the previous organisation in force when the new file has problems, and says why', async () => {
    writeFileSync(orgFile, 'tribes: [\n');
    await expect
      .poll(async () => (await org()).reloadProblems.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const body = await org();
    expect(body.reloadProblems[0]).toMatch(/\(syntax\)/);
    expect(squadOf(body, 'listings')).toBe('catalogue');
  });

  it('reloads on SIGHUP', async () => {
    copyFileSync(new URL('../fixtures/org/good.yaml', import.meta.url), orgFile);
    await expect.poll(async () => squadOf(await org(), 'listings'), { timeout: 10_000 }).toBe('product');
    server.child.kill('SIGHUP');
    await expect
      .poll(() => server.output().includes('organisation reloaded (SIGHUP)'), { timeout: 10_000 })
      .toBe(true);
    expect((await org()).reloadProblems).toEqual([]);
  });
});
