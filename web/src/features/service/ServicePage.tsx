import { usePageTitle } from '../../lib/usePageTitle.js';
import { KeyTrends } from '../trends/KeyTrends.js';
import { SubjectFigures } from './SubjectFigures.js';
import { SubjectHeader } from './SubjectHeader.js';
import { useSubject } from './useSubject.js';

/** One service: its key figures over the window, week by week, and the tabs of its events. */
export function ServicePage() {
  const { subject, owners, search, query } = useSubject('service');
  usePageTitle(`${subject.name} · Services`);
  return (
    <section aria-labelledby="subject-title">
      <SubjectHeader subject={subject} owners={owners} search={search} />
      <h2>Key figures</h2>
      <SubjectFigures subject={subject} query={query} />
      <KeyTrends groupBy="service" groupKey={subject.name} subject={subject} title="Week by week" />
    </section>
  );
}
