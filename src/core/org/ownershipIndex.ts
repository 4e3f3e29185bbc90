import type { Organisation, Ownership } from './organisation.js';

/** Who owns a service at an instant: its squad and tribe. */
export interface Owner {
  squad: string;
  tribe: string;
}

export interface OwnershipIndex {
  /**
   * The owner of `service` at `at` (ms): the latest record starting at or before it; the earliest
   * record also covers all time before it. Undefined for a service the organisation never declared.
   */
  ownerAt(service: string, at: number): Owner | undefined;
  /** The current owner of every declared service. */
  current(): Map<string, Owner>;
}

/**
 * Indexes ownership history for fast look-ups by service and time (metrics contract §2: a service
 * belongs to the squad that owned it when the event happened). Without history records, the
 * organisation's current declaration is used for all time.
 */
export function createOwnershipIndex(
  organisation: Organisation,
  history: readonly Ownership[] = [],
): OwnershipIndex {
  const byService = new Map<string, Ownership[]>();
  for (const record of history) {
    const list = byService.get(record.service) ?? [];
    list.push(record);
    byService.set(record.service, list);
  }
  for (const list of byService.values()) list.sort((a, b) => a.from - b.from);
  const declared = new Map<string, Owner>();
  for (const tribe of organisation.tribes) {
    for (const squad of tribe.squads) {
      for (const service of squad.services)
        declared.set(service.name, { squad: squad.name, tribe: tribe.name });
    }
  }
  return {
    ownerAt(service, at) {
      const list = byService.get(service);
      if (!list || list.length === 0) return declared.get(service);
      let lo = 0;
      let hi = list.length - 1;
      // The last record with from ≤ at; the first when none is.
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((list[mid]?.from ?? 0) <= at) lo = mid;
        else hi = mid - 1;
      }
      const record = list[lo];
      return record ? { squad: record.squad, tribe: record.tribe } : undefined;
    },
    current: () => new Map(declared),
  };
}
