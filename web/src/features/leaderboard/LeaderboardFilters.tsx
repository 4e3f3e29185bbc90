import { useId } from 'react';
import type { OrgResponse } from '../../lib/apiTypes.js';
import { groupings, type LeaderboardView } from './leaderboardState.js';

interface FiltersProps {
  view: LeaderboardView;
  org: OrgResponse | undefined;
  onChange: (params: Record<string, string | undefined>) => void;
}

/** Grouping, tribe, squad and environment; each change goes straight into the URL. */
export function LeaderboardFilters({ view, org, onChange }: FiltersProps) {
  const id = useId();
  const tribes = org?.organisation.tribes ?? [];
  const squads = tribes.filter((t) => !view.tribe || t.name === view.tribe).flatMap((t) => t.squads);
  const environments = (org?.organisation.environments.production ?? []).filter(
    (name) => !name.includes('*'),
  );
  return (
    <form className="filters" aria-label="Leaderboard filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-group`}>Group by</label>
        <select
          id={`${id}-group`}
          value={view.groupBy}
          onChange={(event) =>
            onChange({ groupBy: event.target.value === 'service' ? undefined : event.target.value })
          }
        >
          {groupings.map((grouping) => (
            <option key={grouping} value={grouping}>
              {grouping}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tribe`}>Tribe</label>
        <select
          id={`${id}-tribe`}
          value={view.tribe ?? ''}
          onChange={(event) => onChange({ tribe: event.target.value || undefined, squad: undefined })}
        >
          <option value="">All tribes</option>
          {tribes.map((tribe) => (
            <option key={tribe.name} value={tribe.name}>
              {tribe.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-squad`}>Squad</label>
        <select
          id={`${id}-squad`}
          value={view.squad ?? ''}
          onChange={(event) => onChange({ squad: event.target.value || undefined })}
          disabled={view.groupBy === 'tribe'}
        >
          <option value="">All squads</option>
          {squads.map((squad) => (
            <option key={squad.name} value={squad.name}>
              {squad.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-env`}>Environment</label>
        <input
          id={`${id}-env`}
          list={`${id}-envs`}
          defaultValue={view.environment ?? ''}
          key={view.environment ?? ''}
          placeholder="all production"
          onBlur={(event) => onChange({ environment: event.target.value.trim() || undefined })}
          onKeyDown={(event) => {
            if (event.key === 'Enter')
              onChange({ environment: event.currentTarget.value.trim() || undefined });
          }}
        />
        <datalist id={`${id}-envs`}>
          {environments.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
    </form>
  );
}
