import { useId, useState } from 'react';
import {
  type CapabilitySlug,
  capabilityCatalog,
  getCapability,
  hasStatements,
  likertOptions,
  listStatements,
} from '../../../../../src/core/assessment/index.js';
import { getSquadAnswer, type StatementView, summariseView } from '../../../../../src/core/workshop/index.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';
import { PrivateChoice } from '../PrivateChoice.js';
import { PrivateItemStatus } from '../PrivateItemStatus.js';
import { SpreadTable } from '../SpreadTable.js';
import { RankingTable } from '../summaryParts.js';

const likertLabel = (value: number) =>
  likertOptions.find((option) => option.value === value)?.label ?? String(value);

function StatementCard({
  text,
  item,
  room,
  number,
}: {
  text: string;
  item: StatementView;
  room: LiveRoom;
  number: string;
}) {
  const id = useId();
  const squad =
    item.spread?.kind === 'option'
      ? getSquadAnswer(item.spread.counts.flatMap((entry) => Array<number>(entry.count).fill(entry.value)))
      : null;
  return (
    <li className="statement">
      <p className="statement-text" id={`${id}-text`}>
        <span className="muted">{number}</span> {text}
      </p>
      {room.canTakePart && !item.revealed && (
        <PrivateChoice
          legend={`Your answer to statement ${number} (only you see it)`}
          hideLegend
          name={`${id}-answer`}
          options={likertOptions}
          value={item.yourAnswer}
          disabled={!room.isOpen}
          onChoose={(value) => room.act({ type: 'answerStatement', statementId: item.id, value })}
          className="likert"
          optionClassName="likert-option"
        />
      )}
      <PrivateItemStatus
        item={item}
        room={room}
        what={`statement ${number}`}
        onReveal={() => room.act({ type: 'revealStatement', statementId: item.id })}
      />
      {item.spread && (
        <SpreadTable
          spread={item.spread}
          caption={`How the squad answered statement ${number}`}
          labelOf={likertLabel}
        />
      )}
      {squad !== null && (
        <p>
          The squad's answer (the middle one): <strong>{likertLabel(squad)}</strong>
        </p>
      )}
    </li>
  );
}

function AddCapability({ room }: { room: LiveRoom }) {
  const [slug, setSlug] = useState('');
  const assessed = new Set(room.view.capabilities.assessed.map((entry) => entry.slug));
  const choices = capabilityCatalog.filter((entry) => hasStatements(entry.slug) && !assessed.has(entry.slug));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (slug !== '')
          void room
            .act({ type: 'addCapability', capability: slug as CapabilitySlug })
            .then(() => setSlug(''));
      }}
    >
      <label htmlFor="add-capability">Assess another capability</label>
      <select id="add-capability" value={slug} onChange={(event) => setSlug(event.target.value)}>
        <option value="">Choose…</option>
        {choices.map((entry) => (
          <option key={entry.slug} value={entry.slug}>
            {entry.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={slug === '' || !room.isOpen}>
        Add
      </button>
    </form>
  );
}

/**
 * The capabilities: each statement answered alone and revealed as a spread; the squad's answers score
 * and rank the capabilities, the lowest being the key focus.
 */
export function CapabilitiesPhase({ room }: PhaseProps) {
  const { view, isFacilitator } = room;
  const { assessed, statements, prioritisation, needsTier, unrevealedStatements } = view.capabilities;
  const revealable = statements.filter((item) => item.canReveal);
  const focus = prioritisation === null ? null : summariseView(view).focus;
  return (
    <div>
      {needsTier && (
        <p className="callout">
          The 2019 edition recommends capabilities by tier: agree all four keys first to see which ones.
        </p>
      )}
      {isFacilitator && (
        <div className="toolbar">
          <AddCapability room={room} />
          <button
            type="button"
            disabled={revealable.length === 0 || !room.isOpen}
            onClick={() => {
              for (const item of revealable) void room.act({ type: 'revealStatement', statementId: item.id });
            }}
          >
            Reveal every statement ready ({revealable.length})
          </button>
        </div>
      )}
      {assessed.map((capability, capabilityIndex) => {
        const info = getCapability(capability.slug);
        return (
          <section
            key={capability.slug}
            className="card capability-card"
            aria-labelledby={`cap-${capability.slug}`}
          >
            <h3 id={`cap-${capability.slug}`}>
              {info.name}{' '}
              <span className="muted small">{capability.recommended ? 'recommended' : 'added'}</span>
            </h3>
            <p className="muted">{info.guidance.summary}</p>
            {isFacilitator && !capability.recommended && (
              <button
                type="button"
                onClick={() => room.act({ type: 'removeCapability', capability: capability.slug })}
                disabled={!room.isOpen}
              >
                Stop assessing {info.name}
              </button>
            )}
            <ol className="statements">
              {listStatements(capability.slug).map((statement, index) => {
                const item = statements.find((entry) => entry.id === statement.id);
                return item ? (
                  <StatementCard
                    key={statement.id}
                    text={statement.text}
                    item={item}
                    room={room}
                    number={`${capabilityIndex + 1}.${index + 1}`}
                  />
                ) : null;
              })}
            </ol>
          </section>
        );
      })}
      <section className="card result" aria-labelledby="ranking-title">
        <h3 id="ranking-title">Ranking</h3>
        {focus === null ? (
          <p className="muted">
            The ranking shows once every statement is revealed ({unrevealedStatements} still to reveal).
          </p>
        ) : (
          <RankingTable focus={focus} />
        )}
      </section>
    </div>
  );
}
