import { describe, expect, it } from 'vitest';
import type { Organisation } from './organisation.js';
import { createOwnershipIndex } from './ownershipIndex.js';

const organisation: Organisation = {
  name: 'Acme',
  timezone: 'UTC',
  environments: { production: ['production'] },
  attributionWindowHours: 24,
  tribes: [
    {
      name: 'ecommerce',
      squads: [{ name: 'search', services: [{ name: 'vehicle-search', repo: 'acme/search' }] }],
    },
    {
      name: 'consumer',
      squads: [{ name: 'in-life', services: [{ name: 'my-garage', repo: 'acme/garage' }] }],
    },
  ],
};

describe('ownership over time', () => {
  const index = createOwnershipIndex(organisation, [
    { service: 'vehicle-search', squad: 'product', tribe: 'ecommerce', from: 0 },
    { service: 'vehicle-search', squad: 'search', tribe: 'ecommerce', from: 1_000 },
    { service: 'vehicle-search', squad: 'in-life', tribe: 'consumer', from: 5_000 },
  ]);

  it('gives the squad that owned the service when the event happened', () => {
    expect(index.ownerAt('vehicle-search', 500)).toEqual({ squad: 'product', tribe: 'ecommerce' });
    expect(index.ownerAt('vehicle-search', 1_000)).toEqual({ squad: 'search', tribe: 'ecommerce' });
    expect(index.ownerAt('vehicle-search', 4_999)).toEqual({ squad: 'search', tribe: 'ecommerce' });
    expect(index.ownerAt('vehicle-search', 9_999)).toEqual({ squad: 'in-life', tribe: 'consumer' });
  });

  it('lets the earliest record cover the time before it', () => {
    const late = createOwnershipIndex(organisation, [
      { service: 'my-garage', squad: 'in-life', tribe: 'consumer', from: 10_000 },
    ]);
    expect(late.ownerAt('my-garage', 0)).toEqual({ squad: 'in-life', tribe: 'consumer' });
  });

  it('falls back to the declaration without history, and knows nothing of undeclared services', () => {
    expect(index.ownerAt('my-garage', 123)).toEqual({ squad: 'in-life', tribe: 'consumer' });
    expect(index.ownerAt('mystery', 123)).toBeUndefined();
    expect(index.current().get('vehicle-search')).toEqual({ squad: 'search', tribe: 'ecommerce' });
  });
});
