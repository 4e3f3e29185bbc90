import { describe, expect, it } from 'vitest';
import { delivered, digestOf, readFixture, requestOf, testOrganisation } from '../testOrganisation.js';
import type { RawRequest } from '../types.js';
import { datadogPayloadTemplate } from './datadogPayloadTemplate.js';
import { datadogSource } from './datadogSource.js';

const context = {
  organisation: testOrganisation([
    { name: 'checkout', repo: 'acme/checkout' },
    { name: 'payments', repo: 'acme/payments', datadog: ['payments-api'] },
  ]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const datadogRequest = (
  name: string,
  headers: RawRequest['headers'] = { 'X-Checkpoint-Token': 'dd-token' },
) => ({
  headers,
  body: readFixture(import.meta.url, name).body,
});
const parse = (name: string) => delivered(datadogSource.parse(datadogRequest(name), context));
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Datadog token (X-Checkpoint-Token or basic auth)', () => {
  const request = datadogRequest('triggered.json');

  it('accepts the token in X-Checkpoint-Token, or as the basic-auth password', () => {
    expect(datadogSource.verify(request, ['dd-token'])).toBe(true);
    expect(
      datadogSource.verify({ ...request, headers: { Authorization: basic('datadog', 'dd-token') } }, [
        'dd-token',
      ]),
    ).toBe(true);
  });

  it('does not depend on the body, which the token does not sign', () => {
    const body = Buffer.from(request.body.toString('utf8').replace('checkout', 'payments'));
    expect(datadogSource.verify({ ...request, body }, ['dd-token'])).toBe(true);
  });

  it('rejects another token', () => {
    expect(datadogSource.verify(request, ['other-token'])).toBe(false);
    expect(
      datadogSource.verify({ ...request, headers: { authorization: basic('datadog', 'dd-tok') } }, [
        'dd-token',
      ]),
    ).toBe(false);
  });

  it('accepts the second of two configured tokens (rotation)', () => {
    expect(datadogSource.verify(request, ['new-token', 'dd-token'])).toBe(true);
  });

  it('rejects a request without the header', () => {
    expect(datadogSource.verify({ ...request, headers: {} }, ['dd-token'])).toBe(false);
  });
});

describe('Datadog monitor notifications', () => {
  it('takes Triggered as an opened incident of the service its service: tag names', () => {
    expect(parse('triggered.json')).toEqual({
      deliveryId: '7066285910230142581',
      eventType: 'Triggered',
      events: [
        {
          type: 'incident',
          id: '7066285910230142580',
          source: 'datadog',
          services: ['checkout'],
          openedAt: '2014-07-29T19:37:52.000Z',
          severity: 'P1',
        },
      ],
    });
  });

  it('takes Recovered as the same incident resolved', () => {
    expect(parse('recovered.json')).toEqual({
      deliveryId: '7066293460118927512',
      eventType: 'Recovered',
      events: [
        {
          type: 'incident',
          id: '7066285910230142580',
          source: 'datadog',
          services: ['checkout'],
          openedAt: '2014-07-29T20:07:52.000Z',
          resolvedAt: '2014-07-29T20:07:52.000Z',
          severity: 'P1',
        },
      ],
    });
  });

  it('ignores other transitions', () => {
    expect(parse('warn.json')).toEqual({
      deliveryId: '7066281207553314930',
      eventType: 'Warn',
      events: [],
      ignored: 'Datadog transition Warn is not measured',
    });
  });

  it('maps tags through the datadog mapping, and falls back to monitor and group for the id', () => {
    const { payload } = readFixture(import.meta.url, 'triggered.json');
    const notification = {
      ...payload,
      alert_cycle_key: '$ALERT_CYCLE_KEY',
      tags: ['env:prod'],
      alert_scope: 'service:payments-api, env:prod',
    };
    const result = delivered(datadogSource.parse(requestOf(notification), context));
    expect(result.events).toMatchObject([
      { id: '1234-9bd4ac313a4d1e8fae2482df7b77628', services: ['payments'] },
    ]);
    const untagged = { ...payload, tags: 'env:production', alert_scope: '' };
    expect(delivered(datadogSource.parse(requestOf(untagged), context)).ignored).toBe(
      'no service:<name> tag of the alert names a mapped service',
    );
  });

  it('rejects Datadog default payload, which names no alert: the template is needed', () => {
    const request = datadogRequest('default-payload.json');
    expect(datadogSource.parse(request, context)).toEqual({
      error:
        'payload has no alert_cycle_key (nor alert_id and aggreg_key): use the recommended payload template',
    });
  });

  it('names a body without an id by its hash, and reports malformed JSON', () => {
    const { payload } = readFixture(import.meta.url, 'warn.json');
    const request = requestOf({ ...payload, id: '' });
    expect(delivered(datadogSource.parse(request, context)).deliveryId).toBe(digestOf(request.body));
    expect(datadogSource.parse(requestOf('{"id": "1",'), context)).toEqual({
      error: expect.stringMatching(/^body is not valid JSON: /),
    });
    expect(
      datadogSource.parse(requestOf({ ...payload, alert_transition: { value: 'Triggered' } }), context),
    ).toEqual({
      error: expect.stringContaining('alert_transition'),
    });
  });

  it('documents a template that is JSON once Datadog fills its variables', () => {
    const rendered = datadogPayloadTemplate.replaceAll(/\$[A-Z_]+/g, 'x');
    expect(Object.keys(JSON.parse(rendered) as object)).toEqual(
      Object.keys(readFixture(import.meta.url, 'triggered.json').payload),
    );
  });
});
