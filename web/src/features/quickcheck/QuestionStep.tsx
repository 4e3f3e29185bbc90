import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { Question } from '../../../../src/core/assessment/quickCheckEdition.js';

interface QuestionStepProps {
  question: Question;
  number: number;
  of: number;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** One question: six options as a radio group (arrow keys move, Enter continues), or a percentage. */
export function QuestionStep({ question, number, of, value, onChange }: QuestionStepProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each new question
  useEffect(() => {
    heading.current?.focus();
  }, [question.key]);
  const submitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };
  return (
    <div className="question">
      <p className="muted">
        Question {number} of {of}
      </p>
      <h2 ref={heading} tabIndex={-1} id={`${id}-title`}>
        {question.title}
      </h2>
      {question.kind === 'option' ? (
        <fieldset className="options" aria-describedby={`${id}-stem`}>
          <legend id={`${id}-stem`}>{question.stem}</legend>
          {question.options.map((option) => (
            <label key={option.value} className="option">
              <input
                type="radio"
                name={question.key}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                onKeyDown={submitOnEnter}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="field percentage-field">
          <p id={`${id}-stem`}>{question.stem}</p>
          <label htmlFor={`${id}-value`}>Percentage (0 to 100)</label>
          <span className="percentage-input">
            <input
              id={`${id}-value`}
              type="number"
              inputMode="numeric"
              min={question.min}
              max={question.max}
              step={1}
              required
              aria-describedby={`${id}-stem`}
              value={value ?? ''}
              onChange={(event) =>
                onChange(event.target.value === '' ? undefined : Number(event.target.value))
              }
            />
            <span aria-hidden="true">%</span>
          </span>
        </div>
      )}
      <details className="tips">
        <summary>Tips for answering</summary>
        <ul>
          {question.tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
