import { useId } from 'react';
import { type EditionId, editionIds, isEditionId } from '../../../src/core/assessment/quickCheckEdition.js';
import { useSearchUpdate } from '../lib/searchUpdate.js';

/** The Quick Check edition the page scores with, kept in the URL (`edition`, 2019 when absent). */
export function useEdition(): EditionId {
  const { search } = useSearchUpdate();
  const chosen = search.get('edition') ?? '';
  return isEditionId(chosen) ? chosen : '2019';
}

/** Chooses the Quick Check edition of the page; the choice goes into the URL. */
export function EditionPicker({ label }: { label: string }) {
  const { update } = useSearchUpdate();
  const edition = useEdition();
  const id = useId();
  return (
    <div className="field inline-field">
      <label htmlFor={`${id}-edition`}>{label}</label>
      <select
        id={`${id}-edition`}
        value={edition}
        onChange={(event) =>
          void update({ edition: event.target.value === '2019' ? undefined : event.target.value })
        }
      >
        {editionIds.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </select>
    </div>
  );
}
