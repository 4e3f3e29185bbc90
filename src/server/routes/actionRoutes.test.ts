import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/realtime/people.js';
import { runShortWorkshop } from '../../../test/realtime/session.js';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { createToken } from '../../store/tokens.js';

describe('actions tracked to done', () => {
  let t: TestApp;
  let actions: string[];
  let others: string[];
  beforeAll(async () => {
    t = await createTestApp();
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const create = async (squad: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/checkpoints', payload: { squad } })).json();
    actions = await runShortWorkshop(url, await create('search'));
    others = await runShortWorkshop(url, await create('partner-tooling'));
  });
  afterAll(() => t?.close());

  const patch = (id: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PATCH', url: `/api/actions/${id}`, payload, headers });

  it('lists the actions of a squad, by status', async () => {
    const all = await t.app.inject({ url: '/api/actions?squad=search' });
    expect(all.statusCode).toBe(200);
    expect(all.json().actions).toEqual([
      expect.objectContaining({
        id: actions[0],
        title: 'Deploy on merge',
        owner: 'Ann',
        due: '2026-04-01',
        status: 'open',
        squad: 'search',
        tribe: 'ecommerce',
      }),
      expect.objectContaining({
        id: actions[1],
        title: 'Add a smoke test',
        owner: 'Bob',
        due: null,
        status: 'open',
      }),
    ]);
    const everyone = await t.app.inject({ url: '/api/actions' });
    expect(everyone.json().actions).toHaveLength(4);
    expect((await t.app.inject({ url: '/api/actions?status=finished' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/actions', remoteAddress: '10.0.0.1' })).statusCode).toBe(401);
  });

  it('lets facilitators and members of the squad move an action on, and nobody else', async () => {
    const id = actions[0]!;
    const member = await signedIn(t, 'member', ['search']);
    const moved = await patch(id, { status: 'inProgress' }, member);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id, status: 'inProgress', updatedAt: '2026-03-02T12:00:00.000Z' });
    expect((await patch(id, { status: 'done' }, await signedIn(t, 'member', ['in-life']))).statusCode).toBe(
      403,
    );
    expect((await patch(id, { status: 'done' }, await signedIn(t, 'viewer', ['search']))).statusCode).toBe(
      403,
    );
    const reader = (await createToken(t.db.kysely, { name: 'r', scope: 'read', now: new Date() })).token;
    expect((await patch(id, { status: 'done' }, { authorization: `Bearer ${reader}` })).statusCode).toBe(403);
    expect((await patch(others[0]!, { status: 'done' }, member)).statusCode).toBe(403);
    const facilitator = await signedIn(t, 'facilitator', ['ecommerce']);
    expect((await patch(id, { status: 'done' }, facilitator)).json().status).toBe('done');
    expect((await patch(id, { status: 'finished' }, facilitator)).statusCode).toBe(400);
    expect((await patch('nothing', { status: 'done' }, facilitator)).statusCode).toBe(404);
    const done = await t.app.inject({ url: '/api/actions?squad=search&status=done' });
    expect(done.json().actions.map((action: { id: string }) => action.id)).toEqual([id]);
  });
});
