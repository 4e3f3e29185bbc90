import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/openDb.js';
import { readOrganisationFile } from './organisationFile.js';
import { OrganisationState } from './organisationState.js';

const goodFile = fileURLToPath(new URL('../../test/fixtures/org/good.yaml', import.meta.url));
const now = new Date('2026-06-01T00:00:00Z');

async function stateWithGoodOrganisation() {
  const db = await openDb({ dataDir: 'memory://' });
  const read = await readOrganisationFile(goodFile);
  if (!read.ok) throw new Error('the fixture should be a good organisation file');
  const state = new OrganisationState(db.kysely, read.organisation, goodFile);
  await state.apply(read.organisation, now);
  return { db, state, organisation: read.organisation };
}

describe('reloading the organisation in force', () => {
  it('puts a good file in force and reports no problem', async () => {
    const { db, state } = await stateWithGoodOrganisation();
    const revision = state.revision;
    expect(await state.reloadFrom(goodFile, now)).toEqual([]);
    expect(state.revision).toBe(revision + 1);
    await db.close();
  }, 180_000);

  it('keeps the previous organisation when the file cannot be read, naming the problem', async () => {
    const { db, state, organisation } = await stateWithGoodOrganisation();
    const problems = await state.reloadFrom('/nonexistent/org.yaml', now);
    expect(problems.join('\n')).toMatch(/nonexistent\/org\.yaml|no such file|ENOENT/i);
    expect(state.organisation).toBe(organisation);
    await db.close();
  }, 180_000);

  it('keeps the previous organisation, without throwing, when the store cannot record the new one', async () => {
    const { db, state, organisation } = await stateWithGoodOrganisation();
    const revision = state.revision;
    await db.close();
    const problems = await state.reloadFrom(goodFile, now);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the organisation could not be stored: /);
    expect(state.problems).toEqual(problems);
    expect(state.organisation).toBe(organisation);
    expect(state.revision).toBe(revision);
  }, 180_000);
});
