import fc from 'fast-check';

/** Canonical events as plain wire objects, valid by construction (metrics contract §1). */
export type WireEvent = Record<string, unknown> & { type: 'change' | 'deployment' | 'incident' };

const instant = fc
  .integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2026-03-01T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const sha = fc.stringMatching(/^[0-9a-f]{7,12}$/);
const repo = fc.constantFrom('acme/search', 'acme/platform', 'acme/partner-portal');
const service = fc.constantFrom('vehicle-search', 'search-indexer', 'listings', 'partner-portal');
const label = fc.constantFrom('hotfix', 'feature', 'chore');

export const changeArbitrary: fc.Arbitrary<WireEvent> = fc.record(
  {
    type: fc.constant('change' as const),
    repo,
    sha,
    committedAt: instant,
    parents: fc.array(sha, { maxLength: 2 }),
    pushedAt: instant,
    branch: fc.constantFrom('main', 'release'),
    labels: fc.array(label, { maxLength: 2 }),
    files: fc.array(fc.constantFrom('services/indexer/a.ts', 'services/listings/b.ts', 'README.md'), {
      maxLength: 2,
    }),
  },
  { requiredKeys: ['type', 'repo', 'sha', 'committedAt'] },
);

export const deploymentArbitrary: fc.Arbitrary<WireEvent> = fc
  .record(
    {
      type: fc.constant('deployment' as const),
      id: fc.stringMatching(/^d-[0-9]{1,4}$/),
      source: fc.constantFrom('ci', 'github'),
      service,
      environment: fc.constantFrom('production', 'staging', 'production-eu'),
      sha,
      status: fc.constantFrom('success', 'failure', 'in_progress', 'cancelled'),
      startedAt: instant,
      finishedAt: instant,
      rollback: fc.boolean(),
      labels: fc.array(label, { maxLength: 2 }),
    },
    { requiredKeys: ['type', 'id', 'source', 'service', 'environment', 'sha', 'status', 'finishedAt'] },
  )
  .map((event) => event as WireEvent);

export const incidentArbitrary: fc.Arbitrary<WireEvent> = fc.record(
  {
    type: fc.constant('incident' as const),
    id: fc.stringMatching(/^PD-[0-9]{1,4}$/),
    source: fc.constantFrom('pagerduty', 'opsgenie'),
    services: fc.array(service, { minLength: 1, maxLength: 2 }),
    openedAt: instant,
    resolvedAt: instant,
    severity: fc.constantFrom('sev1', 'sev2'),
    changeRelated: fc.boolean(),
  },
  { requiredKeys: ['type', 'id', 'source', 'services', 'openedAt'] },
);

export const eventArbitrary: fc.Arbitrary<WireEvent> = fc.oneof(
  changeArbitrary,
  deploymentArbitrary,
  incidentArbitrary,
);

/** The fields each type requires (a deployment needs `sha` or `version`: it is sent with `sha`). */
export const requiredFields: Record<WireEvent['type'], string[]> = {
  change: ['repo', 'sha', 'committedAt'],
  deployment: ['id', 'source', 'service', 'environment', 'status', 'finishedAt'],
  incident: ['id', 'source', 'services', 'openedAt'],
};

export const timeFields: Record<WireEvent['type'], string[]> = {
  change: ['committedAt', 'pushedAt'],
  deployment: ['startedAt', 'finishedAt'],
  incident: ['openedAt', 'resolvedAt'],
};

export const textFields: Record<WireEvent['type'], string[]> = {
  change: ['repo', 'sha', 'branch'],
  deployment: ['id', 'source', 'service', 'environment', 'sha'],
  incident: ['id', 'source', 'severity'],
};

/** Times that are not ISO 8601 instants the store can keep: wrong shape, no offset, far past or future. */
export const badInstant = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:30:00+01:00',
    '1969-12-31T23:59:59Z',
    '9999-12-31T23:59:59-23:59',
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-03-02T10:00:00',
    '2026-03-02',
    'yesterday',
    '',
    '2026-03-02T25:00:00Z',
    '2026-03-02T10:00:00+99:00',
  ),
  fc.integer({ min: 1, max: 9_000 }).map((year) => `${String(year).padStart(4, '0')}-01-01T00:00:00`),
  fc.integer({ min: -270_000, max: 1_969 }).map((year) => new Date(Date.UTC(year, 0, 1)).toISOString()),
);

/** Strings no text field may hold: empty, blank, too long, or carrying NUL or half a surrogate pair. */
export const badText = fc.oneof(
  fc.constantFrom('', '   ', '\t\n'),
  fc.string({ minLength: 1001, maxLength: 1500 }).filter((s) => s.trim().length > 1000),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\udc00b'))
    .map(([text, poison]) => `x${text}${poison}`),
);

/** Values of a type no field of a canonical event has. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
