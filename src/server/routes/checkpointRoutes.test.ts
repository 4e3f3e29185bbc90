import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointClient } from '../../../test/realtime/checkpointClient.js';
import { signedIn } from '../../../test/realtime/people.js';
import { runShortWorkshop } from '../../../test/realtime/session.js';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { createToken } from '../../store/tokens.js';

const day = 86_400_000;
const ago = (days: number) => new Date(Date.parse('2026-03-02T12:00:00Z') - days * day).toISOString();

/** Two production deployments of vehicle-search (squad search) in the last 90 days. */
const deliveries = [
  { type: 'change', repo: 'acme/search', sha: 'a1', committedAt: ago(20), parents: [] },
  {
    type: 'deployment',
    id: 'd1',
    source: 'ci',
    service: 'vehicle-search',
    environment: 'production',
    sha: 'a1',
    status: 'success',
    finishedAt: ago(19),
  },
  { type: 'change', repo: 'acme/search', sha: 'a2', committedAt: ago(10), parents: ['a1'] },
  {
    type: 'deployment',
    id: 'd2',
    source: 'ci',
    service: 'vehicle-search',
    environment: 'production',
    sha: 'a2',
    status: 'success',
    finishedAt: ago(9),
  },
];

describe('checkpoints over HTTP', () => {
  let t: TestApp;
  let readToken: string;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stored = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: { events: deliveries },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    readToken = (await createToken(t.db.kysely, { name: 'reader', scope: 'read', now: new Date() })).token;
  });
  afterAll(() => t?.close());

  const create = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/checkpoints', payload, headers });
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

  it('creates a checkpoint with the squad’s measured keys, a join link and the facilitator’s key', async () => {
    const response = await create({ squad: 'search', title: 'Q1 checkpoint', facilitatorName: 'Fay' });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      squad: 'search',
      tribe: 'ecommerce',
      edition: '2025',
      title: 'Q1 checkpoint',
    });
    expect(body.joinUrl).toBe(`http://localhost:80/checkpoints/${body.id}/join#code=${body.joinCode}`);
    expect(body.joinCode).toMatch(/^[\w-]{43}$/);
    expect(body.facilitator.participantKey).toMatch(/^[\w-]{43}$/);
    const summary = (await get(`/api/checkpoints/${body.id}/summary`)).json();
    expect(summary.measured).toMatchObject({ from: ago(90), to: ago(0) });
    expect(summary.measured.figures[0]).toEqual({
      measure: 'deploymentFrequency',
      label: 'Deployment frequency',
      value: expect.stringMatching(/per (week|month)$/),
    });
    // Both changes took a day to reach production: band 4, one day to one week.
    expect(summary.measured.bands.leadTimeBand).toBe(4);
  });

  it('refuses an unknown squad, and squads outside the facilitator’s scope', async () => {
    const unknown = await create({ squad: 'nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('squad: no squad "nobody" in the organisation');
    expect((await create({ squad: 'search', edition: '1999' })).statusCode).toBe(400);
    const otherTribe = await signedIn(t, 'facilitator', ['in-life']);
    expect((await create({ squad: 'search' }, otherTribe)).statusCode).toBe(403);
    expect((await create({ squad: 'partner-tooling' }, otherTribe)).statusCode).toBe(201);
    expect((await create({ squad: 'search' }, await signedIn(t, 'facilitator', ['search']))).statusCode).toBe(
      201,
    );
    expect((await create({ squad: 'search' }, await signedIn(t, 'member'))).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/checkpoints',
      payload: { squad: 'search' },
      remoteAddress: '10.0.0.9',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps the history of a squad, and starts the next checkpoint with the last one’s actions', async () => {
    const first = (await create({ squad: 'product', edition: '2019' })).json();
    const [actionId] = await runShortWorkshop(url, first);
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/actions/${actionId}`,
      payload: { status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    t.setNow('2026-06-01T09:00:00Z');
    const second = (await create({ squad: 'product' })).json();
    t.setNow('2026-03-02T12:00:00Z');

    const summary = (await get(`/api/checkpoints/${second.id}/summary`)).json();
    expect(summary.previousActions).toEqual([
      {
        id: actionId,
        title: 'Deploy on merge',
        owner: 'Ann',
        due: '2026-04-01',
        capability: null,
        status: 'done',
      },
      {
        id: expect.any(String),
        title: 'Add a smoke test',
        owner: 'Bob',
        due: null,
        capability: null,
        status: 'open',
      },
    ]);
    expect(summary.measured).toMatchObject({
      from: '2026-03-02T12:00:00.000Z',
      to: '2026-06-01T09:00:00.000Z',
    });

    const history = await get('/api/checkpoints?squad=product', { authorization: `Bearer ${readToken}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().checkpoints.map((entry: { id: string }) => entry.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect(history.json().checkpoints[1]).toMatchObject({
      facilitator: 'Facilitator',
      phase: 'survey',
      status: 'completed',
      completedAt: '2026-03-02T12:00:00.000Z',
      maturity: null,
      focus: [],
      actions: { done: 1, total: 2 },
      survey: { responses: 1, mean: 4.5 },
    });
    expect(history.json().checkpoints[0]).toMatchObject({
      status: 'live',
      phase: 'welcome',
      actions: { done: 0, total: 0 },
    });
    expect((await get('/api/checkpoints')).statusCode).toBe(400);
  });

  it('serves the summary as JSON, and as Markdown and PDF downloads', async () => {
    const created = (await create({ squad: 'search', edition: '2019', title: 'Summary' })).json();
    await runShortWorkshop(url, created);
    const summary = await get(`/api/checkpoints/${created.id}/summary`, {
      authorization: `Bearer ${readToken}`,
    });
    expect(summary.json()).toMatchObject({ checkpointId: created.id, squad: 'search', completed: true });
    expect(summary.json().actions.map((action: { title: string }) => action.title)).toEqual([
      'Deploy on merge',
      'Add a smoke test',
    ]);
    const markdown = await get(`/api/checkpoints/${created.id}/summary.md`);
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers['content-disposition']).toBe(
      'attachment; filename="checkpoint-search-2026-03-02.md"',
    );
    expect(markdown.body).toContain('Deploy on merge');
    const pdf = await get(`/api/checkpoints/${created.id}/summary.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="checkpoint-search-2026-03-02.pdf"',
    );
    expect(pdf.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(pdf.rawPayload.toString('latin1')).toContain('(Deploy on merge)');
    expect((await get('/api/checkpoints/nothing/summary')).statusCode).toBe(404);
    const outside = await t.app.inject({
      url: `/api/checkpoints/${created.id}/summary.md`,
      remoteAddress: '10.0.0.9',
    });
    expect(outside.statusCode).toBe(401);
  });

  it('shows the join link again only to those who may facilitate the squad', async () => {
    const created = (await create({ squad: 'search' })).json();
    expect((await get(`/api/checkpoints/${created.id}`)).json()).toMatchObject({
      squad: 'search',
      status: 'live',
      participants: 1,
      joinUrl: created.joinUrl,
    });
    expect(
      (await get(`/api/checkpoints/${created.id}`, { authorization: `Bearer ${readToken}` })).json().joinUrl,
    ).toBeNull();
    const outsider = await signedIn(t, 'facilitator', ['in-life']);
    expect((await get(`/api/checkpoints/${created.id}`, outsider)).json().joinUrl).toBeNull();
  });

  it('hands the facilitator a new key, which replaces the old one on the socket', async () => {
    const created = (await create({ squad: 'search' })).json();
    const outsider = await signedIn(t, 'facilitator', ['in-life']);
    const keyUrl = `/api/checkpoints/${created.id}/facilitator-key`;
    expect((await t.app.inject({ method: 'POST', url: keyUrl, headers: outsider })).statusCode).toBe(403);
    const renewed = await t.app.inject({ method: 'POST', url: keyUrl });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().participantId).toBe(created.facilitator.participantId);
    const old = await CheckpointClient.connect(url, created.id, created.facilitator);
    expect((await old.closed).code).toBe(4401);
    expect(old.messages[0]).toMatchObject({ type: 'error', code: 'unknown-participant' });
    const fresh = await CheckpointClient.join(url, created.id, renewed.json());
    expect(fresh.view.you?.role).toBe('facilitator');
    await fresh.close();
  });
});
