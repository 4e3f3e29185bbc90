/**
 * The webhook sources: a registry the server looks a source up in by the name in the URL.
 *
 * For each delivery the server: finds the source (`getSource`), reads the secrets from
 * `source.secretEnv` (`splitSecrets`: comma-separated during a rotation), calls `source.verify` on the
 * raw request (reject when false), keeps the raw payload, then calls `source.parse`: a
 * `SourceError` is the sender's fault (4xx); a `ParsedDelivery` is acknowledged, its `events` stored
 * idempotently under `deliveryId`, `ignored` telling why there are none.
 */
import { datadogSource } from './datadog/datadogSource.js';
import { createGithubSource, type GithubSourceOptions } from './github/githubSource.js';
import { createGitlabSource, type GitlabSourceOptions } from './gitlab/gitlabSource.js';
import { opsgenieSource } from './opsgenie/opsgenieSource.js';
import { pagerdutySource } from './pagerduty/pagerdutySource.js';
import type { Source, SourceName } from './types.js';

export { datadogCustomHeaders, datadogPayloadTemplate } from './datadog/datadogPayloadTemplate.js';
export { datadogSource } from './datadog/datadogSource.js';
export { createGithubSource, type GithubSourceOptions, githubSource } from './github/githubSource.js';
export { createGitlabSource, type GitlabSourceOptions, gitlabSource } from './gitlab/gitlabSource.js';
export { opsgenieSource } from './opsgenie/opsgenieSource.js';
export { pagerdutySource } from './pagerduty/pagerdutySource.js';
export {
  isSourceError,
  type ParsedDelivery,
  type RawRequest,
  type Source,
  type SourceContext,
  type SourceError,
  type SourceName,
} from './types.js';
export { splitSecrets, tokenHeader, verifyToken } from './verifyToken.js';

/** The names of the built-in sources, in the order they are documented. */
export const sourceNames: readonly SourceName[] = ['github', 'gitlab', 'pagerduty', 'opsgenie', 'datadog'];

/** Settings of the sources that have any. */
export interface SourceOptions {
  github?: GithubSourceOptions;
  gitlab?: GitlabSourceOptions;
}

/** Every built-in source by name, with `options` applied. */
export function createSources(options: SourceOptions = {}): Readonly<Record<SourceName, Source>> {
  return Object.freeze({
    github: createGithubSource(options.github),
    gitlab: createGitlabSource(options.gitlab),
    pagerduty: pagerdutySource,
    opsgenie: opsgenieSource,
    datadog: datadogSource,
  });
}

/** Every built-in source by name, with default settings. */
export const sources: Readonly<Record<SourceName, Source>> = createSources();

/** The source called `name` (as in `/webhooks/<name>`) among `registry`, or undefined. */
export function getSource(
  name: string,
  registry: Readonly<Record<SourceName, Source>> = sources,
): Source | undefined {
  return (sourceNames as readonly string[]).includes(name) ? registry[name as SourceName] : undefined;
}
