import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { industries } from '../../../../src/core/assessment/industries.js';
import type { EditionId } from '../../../../src/core/assessment/quickCheckEdition.js';
import { getEdition, listEditions } from '../../../../src/core/assessment/quickCheckEditions.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { QuestionStep } from './QuestionStep.js';
import { inputSearch, type QuickCheckInput, readInput } from './quickCheckUrl.js';

const methodText = {
  tier: 'a performance tier and "better than N% of respondents"',
  percentile: '"better than N% of respondents"',
  score: '0–10 scores per metric against industry benchmarks',
} as const;

/** DORA's Quick Check, one question at a time; the result is a shareable address, nothing is stored. */
export function QuickCheckPage() {
  usePageTitle('Quick Check');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [input, setInput] = useState<QuickCheckInput>(() => readInput(search));
  const [step, setStep] = useState(-1);
  const edition = getEdition(input.edition);
  const questions = edition.questions;
  const question = step >= 0 ? questions[step] : undefined;
  const sizes = edition.method === 'score' ? (edition.organisationSizeBenchmarks?.rows ?? []) : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (question && input.answers[question.key] === undefined) return;
    if (step + 1 < questions.length) setStep(step + 1);
    else navigate(`/quickcheck/result?${inputSearch(input)}`);
  };
  const chooseEdition = (id: EditionId) =>
    setInput({ ...input, edition: id, organisationSize: undefined, answers: {} });

  return (
    <section aria-labelledby="quickcheck-title" className="quickcheck">
      <h1 id="quickcheck-title">Quick Check</h1>
      <p className="lead">
        DORA's four (or five) questions about how your team delivers software. Answer for the main application
        or service your team works on. Nothing is stored: the result is a link you can keep or share. The
        questions, options and scoring come from DORA's Quick Check (
        <a href="https://dora.dev/quickcheck/">dora.dev</a>).
      </p>
      <form onSubmit={onSubmit} className="quickcheck-form">
        {step < 0 || !question ? (
          <div className="question">
            <fieldset className="options">
              <legend>Which edition of the Quick Check?</legend>
              {listEditions().map((e) => (
                <label key={e.id} className="option">
                  <input
                    type="radio"
                    name="edition"
                    value={e.id}
                    checked={input.edition === e.id}
                    onChange={() => chooseEdition(e.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        event.currentTarget.form?.requestSubmit();
                      }
                    }}
                  />
                  <span>
                    {e.title}
                    {e.current ? ' (current)' : ''}
                    <span className="muted small block">
                      {e.questions.length} questions; gives {methodText[e.method]}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="filters">
              <div className="field">
                <label htmlFor="qc-industry">Industry (to compare with)</label>
                <select
                  id="qc-industry"
                  value={input.industry}
                  onChange={(event) => setInput({ ...input, industry: event.target.value })}
                >
                  {industries.map((industry) => (
                    <option key={industry.key} value={industry.key}>
                      {industry.name}
                    </option>
                  ))}
                </select>
              </div>
              {sizes.length > 0 && (
                <div className="field">
                  <label htmlFor="qc-size">Organisation size</label>
                  <select
                    id="qc-size"
                    value={input.organisationSize ?? 'all'}
                    onChange={(event) => setInput({ ...input, organisationSize: event.target.value })}
                  >
                    {sizes.map((size) => (
                      <option key={size.key} value={size.key}>
                        {size.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          </div>
        ) : (
          <QuestionStep
            question={question}
            number={step + 1}
            of={questions.length}
            value={input.answers[question.key]}
            onChange={(value) => {
              const answers = { ...input.answers };
              if (value === undefined) delete answers[question.key];
              else answers[question.key] = value;
              setInput({ ...input, answers });
            }}
          />
        )}
        <div className="toolbar">
          {step >= 0 && (
            <button type="button" className="button" onClick={() => setStep(step - 1)}>
              Back
            </button>
          )}
          <button
            type="submit"
            className="button button-primary"
            disabled={question !== undefined && input.answers[question.key] === undefined}
          >
            {step < 0 ? 'Start' : step + 1 < questions.length ? 'Continue' : 'See the result'}
          </button>
          <span className="muted small">Arrow keys choose an answer; Enter continues.</span>
        </div>
      </form>
      <p className="muted small">
        Curious what drives these results? Browse the <Link to="/capabilities">capability catalog</Link>.
      </p>
    </section>
  );
}
