import { usePageTitle } from '../../lib/usePageTitle.js';
import { MemberFigures } from '../squad/MemberFigures.js';
import { KeyTrends } from '../trends/KeyTrends.js';
import { SubjectFigures } from './SubjectFigures.js';
import { SubjectHeader } from './SubjectHeader.js';
import { useSubject } from './useSubject.js';

/** One tribe: its figures, its squads side by side, and its events. */
export function TribePage() {
  const { subject, owners, search, query } = useSubject('tribe');
  usePageTitle(`${subject.name} · Tribes`);
  return (
    <section aria-labelledby="subject-title">
      <SubjectHeader subject={subject} owners={owners} search={search} />
      <h2>Key figures</h2>
      <SubjectFigures subject={subject} query={query} />
      <h2>Its squads</h2>
      <MemberFigures kind="squad" names={owners.squads} query={query} caption={`Squads of ${subject.name}`} />
      <KeyTrends groupBy="tribe" groupKey={subject.name} subject={subject} title="Week by week" />
    </section>
  );
}
