import { describe, expect, it } from 'vitest';
import { delivered, digestOf, readFixture, requestOf, testOrganisation } from '../testOrganisation.js';
import type { RawRequest } from '../types.js';
import { opsgenieSource } from './opsgenieSource.js';

const context = {
  organisation: testOrganisation([
    { name: 'checkout', repo: 'acme/checkout', opsgenie: ['tag1'] },
    { name: 'payments', repo: 'acme/payments', opsgenie: ['team2'] },
    { name: 'search', repo: 'acme/search' },
  ]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const opsgenieRequest = (
  name: string,
  headers: RawRequest['headers'] = { 'x-checkpoint-token': 'og-token' },
) => ({
  headers,
  body: readFixture(import.meta.url, name).body,
});
const parse = (name: string) => delivered(opsgenieSource.parse(opsgenieRequest(name), context));
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Opsgenie token (X-Checkpoint-Token or basic auth)', () => {
  const request = opsgenieRequest('create.json');

  it('accepts the token in X-Checkpoint-Token', () => {
    expect(opsgenieSource.verify(request, ['og-token'])).toBe(true);
  });

  it('accepts the token as the password of basic auth', () => {
    const headers = { authorization: basic('opsgenie', 'og-token') };
    expect(opsgenieSource.verify({ ...request, headers }, ['og-token'])).toBe(true);
  });

  it('does not depend on the body, which the token does not sign', () => {
    const body = Buffer.from(request.body.toString('utf8').replace('tag1', 'tag9'));
    expect(opsgenieSource.verify({ ...request, body }, ['og-token'])).toBe(true);
  });

  it('rejects another token, in the header or as the password', () => {
    expect(opsgenieSource.verify(request, ['other-token'])).toBe(false);
    const headers = { authorization: basic('og-token', 'wrong') };
    expect(opsgenieSource.verify({ ...request, headers }, ['og-token'])).toBe(false);
  });

  it('accepts the second of two configured tokens (rotation)', () => {
    expect(opsgenieSource.verify(request, ['new-token', 'og-token'])).toBe(true);
  });

  it('rejects a request with neither header', () => {
    expect(opsgenieSource.verify({ ...request, headers: {} }, ['og-token'])).toBe(false);
    expect(
      opsgenieSource.verify({ ...request, headers: { authorization: 'Bearer og-token' } }, ['og-token']),
    ).toBe(false);
  });
});

describe('Opsgenie alert actions', () => {
  it('takes Create as an opened incident of the services its tags and teams map to', () => {
    const request = opsgenieRequest('create.json');
    expect(delivered(opsgenieSource.parse(request, context))).toEqual({
      deliveryId: digestOf(request.body),
      eventType: 'Create',
      events: [
        {
          type: 'incident',
          id: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
          source: 'opsgenie',
          services: ['checkout', 'payments'],
          openedAt: '2015-01-05T10:03:11.104Z',
        },
      ],
    });
  });

  it('takes Acknowledge as acknowledged at the alert update (nanoseconds)', () => {
    expect(parse('acknowledge.json').events).toEqual([
      {
        type: 'incident',
        id: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
        source: 'opsgenie',
        services: ['checkout'],
        openedAt: '2015-01-05T10:03:11.104Z',
        acknowledgedAt: '2015-01-05T10:03:44.764Z',
      },
    ]);
  });

  it('takes Close as resolved at the alert update', () => {
    expect(parse('close.json')).toMatchObject({
      eventType: 'Close',
      events: [
        {
          type: 'incident',
          id: '052652ac-5d1c-464a-812a-7dd18bbfba8c',
          source: 'opsgenie',
          services: ['checkout'],
          openedAt: '2015-01-05T10:03:11.104Z',
          resolvedAt: '2015-01-05T11:03:11.104Z',
        },
      ],
    });
  });

  it('ignores other actions', () => {
    expect(parse('unacknowledge.json')).toMatchObject({
      eventType: 'UnAcknowledge',
      events: [],
      ignored: 'Opsgenie action UnAcknowledge is not measured',
    });
  });

  it('maps service:<name> tags, reads the priority, and ignores alerts of no service', () => {
    const { payload } = readFixture(import.meta.url, 'create.json');
    const alert = payload.alert as Record<string, unknown>;
    alert.tags = ['service:Search'];
    alert.teams = [];
    alert.priority = 'P2';
    expect(delivered(opsgenieSource.parse(requestOf(payload), context)).events).toMatchObject([
      { services: ['search'], severity: 'P2' },
    ]);
    alert.tags = ['database'];
    expect(delivered(opsgenieSource.parse(requestOf(payload), context)).ignored).toBe(
      'no tag or team of the alert is mapped to a service',
    );
  });

  it('reports malformed JSON and missing fields', () => {
    expect(opsgenieSource.parse(requestOf('{"action":'), context)).toEqual({
      error: expect.stringMatching(/^body is not valid JSON: /),
    });
    expect(opsgenieSource.parse(requestOf({ action: 'Create', alert: { tags: [] } }), context)).toEqual({
      error: expect.stringContaining('alert.alertId'),
    });
  });
});
