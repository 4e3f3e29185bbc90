import { useId, useState } from 'react';
import { surveyQuestions } from '../../../../../src/core/workshop/index.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';
import { SurveyRatingsTable } from '../summaryParts.js';

function SurveyForm({ room }: { room: LiveRoom }) {
  const id = useId();
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  return (
    <form
      className="survey-form"
      onSubmit={(event) => {
        event.preventDefault();
        const filled = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== ''));
        void room.act({ type: 'submitSurvey', answers: filled });
      }}
    >
      {surveyQuestions.map((question) =>
        question.kind === 'rating' ? (
          <fieldset key={question.id} className="rating">
            <legend>{question.text}</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="rating-option">
                <input
                  type="radio"
                  name={`${id}-${question.id}`}
                  checked={answers[question.id] === value}
                  onChange={() => setAnswers({ ...answers, [question.id]: value })}
                />{' '}
                {value}
                {value === 1 ? ` (${question.low})` : value === 5 ? ` (${question.high})` : ''}
              </label>
            ))}
          </fieldset>
        ) : (
          <div key={question.id} className="field">
            <label htmlFor={`${id}-${question.id}`}>{question.text}</label>
            <textarea
              id={`${id}-${question.id}`}
              rows={3}
              value={String(answers[question.id] ?? '')}
              onChange={(event) => setAnswers({ ...answers, [question.id]: event.target.value })}
            />
          </div>
        ),
      )}
      <button type="submit" className="button-primary" disabled={!room.isOpen}>
        Send my answers anonymously
      </button>
    </form>
  );
}

/** A short anonymous survey; the results show, aggregated, once the checkpoint is complete. */
export function SurveyPhase({ room }: PhaseProps) {
  const { survey } = room.view;
  return (
    <div className="phase-columns">
      <div>
        <p>
          <strong>
            {survey.responses} of {survey.expected}
          </strong>{' '}
          have answered. Nobody sees who answered what; the results show once the checkpoint is complete.
        </p>
        {room.canTakePart &&
          (survey.youResponded ? (
            <p className="callout">Thank you: your answers are in.</p>
          ) : (
            <SurveyForm room={room} />
          ))}
      </div>
      {survey.results && (
        <div>
          <h3>Results</h3>
          <SurveyRatingsTable ratings={survey.results.ratings} />
          {survey.results.texts.map((text) => (
            <section key={text.id} aria-label={text.text}>
              <h4>{text.text}</h4>
              {text.answers.length === 0 ? (
                <p className="muted">No answers.</p>
              ) : (
                <ul>
                  {text.answers.map((answer, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: plain texts without state, and two may be the same
                    <li key={`${index}-${answer}`}>{answer}</li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
