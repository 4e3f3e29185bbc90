import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { delivered, readFixture, requestOf, testOrganisation } from '../testOrganisation.js';
import type { RawRequest } from '../types.js';
import { pagerdutySource } from './pagerdutySource.js';

const context = {
  organisation: testOrganisation([
    { name: 'api', repo: 'acme/api', pagerduty: ['PF9KMXH'] },
    { name: 'gateway', repo: 'acme/gateway', pagerduty: ['api service'] },
    { name: 'billing', repo: 'acme/billing', pagerduty: ['PZZZZZZ'] },
  ]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const sign = (body: Buffer, ...secrets: string[]) =>
  secrets.map((secret) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`).join(',');
const pagerdutyRequest = (name: string, secret = 'pd-secret'): RawRequest => {
  const { body } = readFixture(import.meta.url, name);
  return {
    headers: { 'content-type': 'application/json', 'x-pagerduty-signature': sign(body, secret) },
    body,
  };
};
const parse = (name: string) => delivered(pagerdutySource.parse(pagerdutyRequest(name), context));
const opened = {
  type: 'incident',
  id: 'PGR0VU2',
  source: 'pagerduty',
  services: ['api', 'gateway'],
  openedAt: '2020-04-09T15:16:27.000Z',
  severity: 'P1',
};

describe('PagerDuty signature (X-PagerDuty-Signature)', () => {
  const request = pagerdutyRequest('incident-triggered.json');

  it('accepts a valid v1 signature', () => {
    expect(pagerdutySource.verify(request, ['pd-secret'])).toBe(true);
  });

  it('rejects a tampered body', () => {
    const body = Buffer.from(request.body.toString('utf8').replace('PGR0VU2', 'PGR0VU3'));
    expect(pagerdutySource.verify({ ...request, body }, ['pd-secret'])).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(pagerdutySource.verify(request, ['other-secret'])).toBe(false);
  });

  it('accepts the second of two configured secrets (rotation)', () => {
    expect(pagerdutySource.verify(request, ['new-secret', 'pd-secret'])).toBe(true);
  });

  it('accepts any one valid signature of several (PagerDuty rotating its secret)', () => {
    const headers = { 'X-PagerDuty-Signature': sign(request.body, 'retired-secret', 'pd-secret') };
    expect(pagerdutySource.verify({ ...request, headers }, ['pd-secret'])).toBe(true);
  });

  it('rejects a request without the header, and signatures of another version', () => {
    expect(pagerdutySource.verify({ ...request, headers: {} }, ['pd-secret'])).toBe(false);
    const v2 = sign(request.body, 'pd-secret').replace('v1=', 'v2=');
    expect(
      pagerdutySource.verify({ ...request, headers: { 'x-pagerduty-signature': v2 } }, ['pd-secret']),
    ).toBe(false);
  });
});

describe('PagerDuty incidents', () => {
  it('takes incident.triggered as an opened incident of the mapped services (by id and by name)', () => {
    expect(parse('incident-triggered.json')).toEqual({
      deliveryId: '01BWDQ4W3XZ7Y1W4P4N9D6QKHF',
      eventType: 'incident.triggered',
      events: [opened],
    });
  });

  it('takes incident.acknowledged as acknowledged when the event occurred', () => {
    expect(parse('incident-acknowledged.json')).toEqual({
      deliveryId: '01BWDQ6M2PXR1A6ZC9JW5E3T8N',
      eventType: 'incident.acknowledged',
      events: [{ ...opened, acknowledgedAt: '2020-04-09T15:20:02.413Z' }],
    });
  });

  it('takes incident.resolved as resolved when the event occurred', () => {
    expect(parse('incident-resolved.json')).toEqual({
      deliveryId: '01BWDQC8H4A7DJV3M0KQ2S5XRY',
      eventType: 'incident.resolved',
      events: [{ ...opened, resolvedAt: '2020-04-09T16:01:45.120Z' }],
    });
  });

  it('takes incident.reopened as the incident opened again', () => {
    expect(parse('incident-reopened.json')).toEqual({
      deliveryId: '01BWDQF1N6QK8Z2W7C4V9B3HTM',
      eventType: 'incident.reopened',
      events: [opened],
    });
  });

  it('ignores other event types', () => {
    expect(parse('incident-priority-updated.json')).toEqual({
      deliveryId: '5ac64822-4adc-4fda-ade0-410becf0de4f',
      eventType: 'incident.priority_updated',
      events: [],
      ignored: 'PagerDuty event incident.priority_updated is not measured',
    });
    expect(parse('service-updated.json').ignored).toBe('PagerDuty event service.updated is not measured');
  });

  it('ignores incidents of an unmapped PagerDuty service, and maps a service of the same name', () => {
    const { payload } = readFixture(import.meta.url, 'incident-triggered.json');
    const event = payload.event as { data: { service: { id: string; summary: string } } };
    event.data.service = { ...event.data.service, id: 'PNEW123', summary: 'Search' };
    expect(delivered(pagerdutySource.parse(requestOf(payload), context)).ignored).toBe(
      'PagerDuty service PNEW123 (Search) is not mapped to a service',
    );
    event.data.service.summary = 'billing';
    expect(delivered(pagerdutySource.parse(requestOf(payload), context)).events).toMatchObject([
      { services: ['billing'] },
    ]);
  });

  it('reports malformed JSON and missing fields', () => {
    expect(pagerdutySource.parse(requestOf('{"event": {'), context)).toEqual({
      error: expect.stringMatching(/^body is not valid JSON: /),
    });
    expect(pagerdutySource.parse(requestOf({ messages: [] }), context)).toEqual({
      error: expect.stringContaining('event'),
    });
    const { payload } = readFixture(import.meta.url, 'incident-resolved.json');
    delete (payload.event as { data: Record<string, unknown> }).data.created_at;
    expect(pagerdutySource.parse(requestOf(payload), context)).toEqual({
      error: expect.stringContaining('event.data.created_at'),
    });
  });
});
