import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { countEvents } from '../../store/events.js';

describe('POST /api/deliveries/prune', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T12:00:00Z' });
  }, 180_000);
  afterAll(() => t?.close());

  const post = (payload: unknown, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/deliveries/prune',
      payload: payload as object,
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  it('clears raw payloads older than asked and keeps the events they brought', async () => {
    const event = {
      type: 'change',
      repo: 'acme/search',
      sha: 'prune-1',
      committedAt: '2026-01-01T10:00:00Z',
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/events', payload: event })).statusCode).toBe(200);
    t.setNow('2026-09-01T12:00:00Z');
    const response = await post({ keepPayloadsDays: 90 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      payloadsCleared: 1,
      deliveriesDeleted: 0,
      payloadsBefore: '2026-06-03T12:00:00.000Z',
      refusalsBefore: '2026-08-02T12:00:00.000Z',
    });
    expect((await countEvents(t.db.kysely)).changes).toBe(1);
    const stored = await t.db.kysely.selectFrom('deliveries').select('payload').execute();
    expect(stored).toEqual([{ payload: null }]);
  });

  it('names a wrong field', async () => {
    const response = await post({ keepPayloadsDays: -1, keepEverything: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/keepPayloadsDays: must be a positive number of days/);
    expect(response.json().message).toMatch(/keepEverything/);
  });

  it('is for admins only', async () => {
    expect((await post({}, '10.2.3.4')).statusCode).toBe(401);
  });
});
