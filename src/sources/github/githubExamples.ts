/**
 * Test support: the community collection of GitHub webhook payloads (`@octokit/webhooks-examples`).
 * Its package main is a 4 MB JSON file, loaded through `require` (ESM would need an import
 * attribute, and TypeScript would type the whole file); its own declaration file gives the types.
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { RawRequest } from '../types.js';

const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as WebhookDefinition[];

type EventName = WebhookDefinition['name'];

/** A deep copy of the `index`-th example of event `name` (safe to modify in a test). */
export function githubExample<N extends EventName>(
  name: N,
  index: number,
): WebhookDefinition<N>['examples'][number] {
  const definition = definitions.find((candidate) => candidate.name === name) as
    | WebhookDefinition<N>
    | undefined;
  const example = definition?.examples[index];
  if (example === undefined) throw new Error(`no example ${index} of GitHub event ${name}`);
  return structuredClone(example);
}

/** A delivery of `payload` as GitHub sends it: event, delivery id and signatures under `secret`. */
export function githubRequest(
  event: string,
  payload: unknown,
  secret = 'gh-secret',
  deliveryId = 'delivery-1',
): RawRequest {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  return {
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  };
}
