import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShortWorkshop } from '../../../test/realtime/session.js';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';

describe('joining a checkpoint by link, without an account', () => {
  let t: TestApp;
  let url: string;
  let checkpoint: {
    id: string;
    joinCode: string;
    facilitator: { participantId: string; participantKey: string };
  };
  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    checkpoint = (
      await t.app.inject({
        method: 'POST',
        url: '/api/checkpoints',
        payload: { squad: 'product', title: 'Spring' },
      })
    ).json();
  });
  afterAll(() => t?.close());

  // From another machine, signed in to nothing: only the code lets anyone in.
  const post = (path: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/checkpoints/${path}`, payload, remoteAddress: '10.1.2.3' });

  it('shows the invitation only with the right code', async () => {
    const wrong = await post(`${checkpoint.id}/invitation`, { code: 'guessed' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toMatch(/^code: the join code is wrong/);
    expect(wrong.body).not.toContain('product');
    expect((await post('nothing/invitation', { code: checkpoint.joinCode })).statusCode).toBe(404);
    const right = await post(`${checkpoint.id}/invitation`, { code: checkpoint.joinCode });
    expect(right.json()).toEqual({
      id: checkpoint.id,
      squad: 'product',
      tribe: 'ecommerce',
      title: 'Spring',
      phase: 'welcome',
      status: 'live',
    });
  });

  it('refuses a wrong code and a missing name, and joins by name as a participant or a viewer', async () => {
    const wrong = await post(`${checkpoint.id}/join`, { code: `${checkpoint.joinCode}x`, name: 'Eve' });
    expect(wrong.statusCode).toBe(403);
    const unnamed = await post(`${checkpoint.id}/join`, { code: checkpoint.joinCode, name: '  ' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().message).toBe('name: must not be empty');
    const ann = await post(`${checkpoint.id}/join`, { code: checkpoint.joinCode, name: 'Ann' });
    expect(ann.statusCode).toBe(201);
    expect(ann.json()).toMatchObject({
      checkpointId: checkpoint.id,
      role: 'participant',
      participantId: expect.stringMatching(/^p[\w-]{16}$/),
      participantKey: expect.stringMatching(/^[\w-]{43}$/),
      socketPath: `/api/checkpoints/${checkpoint.id}/socket`,
    });
    const vic = await post(`${checkpoint.id}/join`, {
      code: checkpoint.joinCode,
      name: 'Vic',
      role: 'viewer',
    });
    expect(vic.json().role).toBe('viewer');
    expect(vic.json().participantId).not.toBe(ann.json().participantId);
    const status = await t.app.inject({ url: `/api/checkpoints/${checkpoint.id}` });
    expect(status.json()).toMatchObject({ participants: 3, version: 2 });
  });

  it('refuses to join a completed checkpoint', async () => {
    await runShortWorkshop(url, checkpoint);
    const late = await post(`${checkpoint.id}/join`, { code: checkpoint.joinCode, name: 'Late Larry' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toEqual({ error: 'completed', message: 'the checkpoint is complete' });
  });
});
