import { useParams, useSearchParams } from 'react-router';
import type { OrgResponse } from '../../lib/apiTypes.js';
import type { Subject, WindowQuery } from '../../lib/queries.js';
import { useOrg } from '../../lib/queries.js';
import { type DateWindow, readWindow } from '../../lib/timeWindow.js';

export interface Owners {
  squad: string | null;
  tribe: string | null;
  /** Services of a squad or tribe; squads of a tribe. */
  services: string[];
  squads: string[];
  known: boolean;
}

/** Who owns a subject and what it holds, from the organisation as loaded. */
export function ownersOf(org: OrgResponse | undefined, subject: Subject): Owners {
  const owners: Owners = { squad: null, tribe: null, services: [], squads: [], known: false };
  for (const tribe of org?.organisation.tribes ?? []) {
    for (const squad of tribe.squads) {
      const names = squad.services.map((s) => s.name);
      if (subject.kind === 'service' && names.includes(subject.name)) {
        Object.assign(owners, { squad: squad.name, tribe: tribe.name, known: true });
      }
      if (subject.kind === 'squad' && squad.name === subject.name) {
        Object.assign(owners, { tribe: tribe.name, services: names, known: true });
      }
      if (subject.kind === 'tribe' && tribe.name === subject.name) {
        owners.known = true;
        owners.squads.push(squad.name);
        owners.services.push(...names);
      }
    }
  }
  return owners;
}

/** The subject of a service, squad or tribe page, its window and environment from the URL. */
export function useSubject(kind: Subject['kind']) {
  const { name = '', tab } = useParams();
  const [search] = useSearchParams();
  const window: DateWindow = readWindow(search);
  const environment = search.get('environment')?.trim() || undefined;
  const subject: Subject = { kind, name };
  const query: WindowQuery = { from: window.from, to: window.to, environment };
  const org = useOrg();
  return { subject, tab, window, query, search, org, owners: ownersOf(org.data, subject) };
}
