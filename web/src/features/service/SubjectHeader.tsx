import { Link } from 'react-router';
import { queryString } from '../../lib/api.js';
import { subjectPath } from '../../lib/links.js';
import type { Subject } from '../../lib/queries.js';
import { Tabs } from '../../ui/Tabs.js';
import { WindowPicker } from '../../ui/WindowPicker.js';
import type { Owners } from './useSubject.js';

const kindLabel = { service: 'Service', squad: 'Squad', tribe: 'Tribe' } as const;

interface SubjectHeaderProps {
  subject: Subject;
  owners: Owners;
  search: URLSearchParams;
}

/** The name, owners, window and sub-pages of a service, squad or tribe. */
export function SubjectHeader({ subject, owners, search }: SubjectHeaderProps) {
  const keep = new URLSearchParams(search);
  keep.delete('show');
  const query = keep.toString() ? `?${keep}` : '';
  const base = subjectPath(subject);
  const environment = search.get('environment');
  return (
    <header className="subject-header">
      <p className="eyebrow">
        {kindLabel[subject.kind]}
        {owners.squad && (
          <>
            {' '}
            of squad{' '}
            <Link to={`${subjectPath({ kind: 'squad', name: owners.squad })}${query}`}>{owners.squad}</Link>
          </>
        )}
        {owners.tribe && (
          <>
            {' '}
            in tribe{' '}
            <Link to={`${subjectPath({ kind: 'tribe', name: owners.tribe })}${query}`}>{owners.tribe}</Link>
          </>
        )}
      </p>
      <h1 id="subject-title">{subject.name}</h1>
      {!owners.known && (
        <p className="callout">
          {subject.name} is not in the organisation file as a {subject.kind}. Figures show only what was
          measured under this name; check the <Link to="/org">organisation</Link>.
        </p>
      )}
      <WindowPicker />
      {environment && (
        <p>
          Environment <strong>{environment}</strong> only.{' '}
          <Link to={`?${queryString({ ...Object.fromEntries(keep), environment: undefined }).slice(1)}`}>
            Show all production environments
          </Link>
        </p>
      )}
      <Tabs
        label={`${subject.name} pages`}
        tabs={[
          { to: `${base}${query}`, label: 'Overview', end: true },
          { to: `${base}/deployments${query}`, label: 'Deployments' },
          { to: `${base}/changes${query}`, label: 'Changes' },
          { to: `${base}/incidents${query}`, label: 'Incidents' },
        ]}
      />
    </header>
  );
}
