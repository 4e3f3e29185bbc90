import { useId, useState } from 'react';
import { getEdition, type Question } from '../../../../../src/core/assessment/index.js';
import { facilitatorTips, type QuestionView, summariseView } from '../../../../../src/core/workshop/index.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';
import { MaturityLine } from '../MaturityLine.js';
import { PrivateChoice } from '../PrivateChoice.js';
import { PrivateItemStatus } from '../PrivateItemStatus.js';
import { SpreadTable } from '../SpreadTable.js';

const labelFor = (question: Question, value: number | null): string => {
  if (value === null) return '—';
  if (question.kind === 'percentage') return `${Math.round(value * 10) / 10}%`;
  return question.options.find((option) => option.value === value)?.label ?? String(value);
};

/** A number typed and sent with a button: the percentage questions. */
function PercentageForm({
  id,
  label,
  initial,
  submitLabel,
  onSubmit,
  disabled,
}: {
  id: string;
  label: string;
  initial: number | null;
  submitLabel: string;
  onSubmit: (value: number) => void;
  disabled: boolean;
}) {
  const [text, setText] = useState(initial === null ? '' : String(initial));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text !== '') onSubmit(Number(text));
      }}
    >
      <label htmlFor={id}>{label}</label>
      <span className="percentage-input">
        <input
          id={id}
          type="number"
          min={0}
          max={100}
          step={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <span aria-hidden="true">%</span>
      </span>
      <button type="submit" disabled={disabled || text === ''}>
        {submitLabel}
      </button>
    </form>
  );
}

function AgreeForm({ question, item, room }: { question: Question; item: QuestionView; room: LiveRoom }) {
  const id = useId();
  const [choice, setChoice] = useState(item.agreed === null ? '' : String(item.agreed));
  const agree = (value: number) => room.act({ type: 'agreeAnswer', questionKey: question.key, value });
  if (question.kind === 'percentage') {
    return (
      <PercentageForm
        id={`${id}-agree`}
        label={`The squad's answer to ${question.title}`}
        initial={item.agreed}
        submitLabel="Agree on it"
        onSubmit={agree}
        disabled={!room.isOpen}
      />
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice !== '') void agree(Number(choice));
      }}
    >
      <label htmlFor={`${id}-agree`}>The squad's answer to {question.title}</label>
      <select id={`${id}-agree`} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">Choose…</option>
        {question.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!room.isOpen || choice === ''}>
        Agree on it
      </button>
    </form>
  );
}

function QuestionCard({
  question,
  item,
  room,
  number,
}: {
  question: Question;
  item: QuestionView;
  room: LiveRoom;
  number: number;
}) {
  const id = useId();
  const answer = (value: number) => room.act({ type: 'answerQuestion', questionKey: question.key, value });
  const tips = [...question.tips, ...facilitatorTips[question.key]];
  return (
    <article className="card item-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {number}. {question.title}
      </h3>
      <p className="stem">{question.stem}</p>
      <details className="tips">
        <summary>Tips for answering {question.title}</summary>
        <ul>
          {[...new Set(tips)].map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </details>
      {room.canTakePart &&
        !item.revealed &&
        (question.kind === 'option' ? (
          <PrivateChoice
            legend={`Your answer to ${question.title} (only you see it)`}
            name={`${id}-answer`}
            options={question.options}
            value={item.yourAnswer}
            disabled={!room.isOpen}
            onChoose={answer}
            className="options compact-options"
            optionClassName="option"
          />
        ) : (
          <PercentageForm
            id={`${id}-answer`}
            label={`Your answer to ${question.title} (only you see it)`}
            initial={item.yourAnswer}
            submitLabel={item.youAnswered ? 'Change my answer' : 'Send my answer'}
            onSubmit={answer}
            disabled={!room.isOpen}
          />
        ))}
      <PrivateItemStatus
        item={item}
        room={room}
        what={question.title}
        onReveal={() => room.act({ type: 'revealQuestion', questionKey: question.key })}
      />
      {item.spread && (
        <SpreadTable
          spread={item.spread}
          caption={`How the squad answered ${question.title}`}
          labelOf={(value) => labelFor(question, value)}
        />
      )}
      <dl className="agreed-measured">
        <div>
          <dt>Agreed</dt>
          <dd>{item.agreed === null ? 'not yet' : labelFor(question, item.agreed)}</dd>
        </div>
        <div>
          <dt>Measured</dt>
          <dd>{item.measured === null ? 'no data' : labelFor(question, item.measured)}</dd>
        </div>
      </dl>
      {room.isFacilitator && item.revealed && (
        <div className="toolbar">
          <AgreeForm question={question} item={item} room={room} key={`${item.agreed}`} />
          <button
            type="button"
            onClick={() => room.act({ type: 'resetQuestion', questionKey: question.key })}
          >
            Answer {question.title} again
          </button>
        </div>
      )}
    </article>
  );
}

/**
 * The four keys: each person answers each question alone, the reveal shows only counts, the squad
 * agrees one answer and sees the measured one beside it, and the edition gives the result.
 */
export function MetricsPhase({ room }: PhaseProps) {
  const { view } = room;
  const edition = getEdition(view.edition);
  const maturity = summariseView(view).maturity;
  return (
    <div>
      <div className="item-cards">
        {edition.questions.map((question, index) => {
          const item = view.metrics.questions.find((entry) => entry.key === question.key);
          return item ? (
            <QuestionCard key={question.key} question={question} item={item} room={room} number={index + 1} />
          ) : null;
        })}
      </div>
      <section className="card result" aria-labelledby="metrics-result">
        <h3 id="metrics-result">Result ({edition.title})</h3>
        <p className="summary-maturity">
          <MaturityLine maturity={maturity} edition={view.edition} />
        </p>
        {view.metrics.unagreed.length > 0 && (
          <p className="muted">
            Still to agree:{' '}
            {view.metrics.unagreed
              .map((key) => edition.questions.find((question) => question.key === key)?.title ?? key)
              .join(', ')}
            .
          </p>
        )}
      </section>
    </div>
  );
}
