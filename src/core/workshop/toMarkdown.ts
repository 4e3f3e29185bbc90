/**
 * The Markdown export of a checkpoint summary, for a wiki page or the squad's repository: the four
 * keys agreed and measured, the maturity, focus capabilities, the path to production step by step,
 * the top improvements, the actions and the survey. Text people typed is escaped.
 */
import type { CheckpointSummary, Maturity, StepSummary } from './summarise.js';

const statusText: Record<string, string> = {
  open: 'open',
  inProgress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** Escapes what Markdown would read as markup, and folds line breaks into spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

/** A wait in minutes, in words: `45 min`, `2 h 30 min`, `3 d 4 h`. */
export function formatWait(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  if (total < 24 * 60) {
    const rest = total % 60;
    return rest === 0 ? `${Math.floor(total / 60)} h` : `${Math.floor(total / 60)} h ${rest} min`;
  }
  const hours = Math.floor((total % (24 * 60)) / 60);
  const days = Math.floor(total / (24 * 60));
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

function maturityLines(maturity: Maturity | null): string[] {
  if (maturity === null) return ['The four keys are not all agreed yet, so there is no result.'];
  if (maturity.method === 'tier') {
    const tier = maturity.tier.charAt(0).toUpperCase() + maturity.tier.slice(1);
    return [
      `**Performance tier: ${tier}**, better than ${maturity.percentile}% of respondents (average answer ${maturity.average.toFixed(2)} of 6).`,
    ];
  }
  if (maturity.method === 'percentile') {
    return [
      `**Better than ${maturity.percentile}% of respondents** (average answer ${maturity.average.toFixed(2)} of 6).`,
    ];
  }
  return [
    `**Overall ${maturity.overall} of 10**: throughput ${maturity.throughput}, stability ${maturity.stability}.`,
    '',
    ...maturity.metrics.map((metric) => `- ${metric.title}: ${metric.score}`),
  ];
}

function stepLines(steps: readonly StepSummary[]): string[] {
  if (steps.length === 0) return ['No steps drawn.'];
  return steps.flatMap((step, index) => {
    const wait = step.waitMinutes === null ? '' : `, wait ${formatWait(step.waitMinutes)}`;
    return [
      `${index + 1}. ${escapeMarkdown(step.label)} (${step.automation}${wait})`,
      ...step.failedDeployments.map((text) => `   - Failed deployment: ${escapeMarkdown(text)}`),
      ...step.improvements.map((text) => `   - Improvement: ${escapeMarkdown(text)}`),
    ];
  });
}

function surveyLines(summary: CheckpointSummary): string[] {
  const survey = summary.survey;
  if (survey === null) return [];
  return [
    '## Survey',
    '',
    `${survey.responses} responses.`,
    '',
    ...survey.ratings.map(
      (rating) =>
        `- ${rating.text} ${rating.mean === null ? 'no answers' : `${rating.mean.toFixed(1)} of 5`}`,
    ),
    ...survey.texts.flatMap((text) => [
      `- ${text.text}`,
      ...text.answers.map((answer) => `  - ${escapeMarkdown(answer)}`),
    ]),
    '',
  ];
}

/** The summary as a Markdown document. */
export function toMarkdown(summary: CheckpointSummary): string {
  const md = escapeMarkdown;
  const measured = summary.measured;
  const lines = [
    `# DevOps Checkpoint: ${md(summary.squad)} (${md(summary.tribe)})`,
    '',
    `${summary.date.slice(0, 10)} · ${summary.editionTitle} · ${summary.participants} taking part${summary.completed ? '' : ' · not completed'}`,
    '',
    '## Four keys',
    '',
    '| Measure | Our answer | Measured |',
    '| --- | --- | --- |',
    ...summary.answers.map(
      (answer) =>
        `| ${answer.title} | ${answer.agreedLabel ?? 'not agreed'} | ${answer.measuredLabel ?? 'no data'} |`,
    ),
    '',
    ...maturityLines(summary.maturity),
    '',
  ];
  if (measured !== null) {
    lines.push(`Measured from ${measured.from.slice(0, 10)} to ${measured.to.slice(0, 10)}:`, '');
    lines.push(...measured.figures.map((figure) => `- ${md(figure.label)}: ${md(figure.value)}`), '');
  }
  if (summary.previousActions.length > 0) {
    lines.push('## Actions of the last checkpoint', '');
    lines.push(
      ...summary.previousActions.map(
        (action) =>
          `- ${md(action.title)}${action.owner === null ? '' : ` (${md(action.owner)})`}: ${statusText[action.status]}`,
      ),
      '',
    );
  }
  lines.push('## Focus capabilities', '');
  if (summary.focus === null) {
    lines.push(
      summary.assessedCapabilities.length === 0
        ? 'No capabilities assessed yet.'
        : `Assessed, not yet ranked: ${summary.assessedCapabilities.map((entry) => entry.name).join(', ')}.`,
    );
  } else {
    const { scaleMax } = summary.focus;
    lines.push(
      ...summary.focus.ranking.map(
        (entry) =>
          `${entry.rank}. **${entry.name}**: ${entry.score} of ${scaleMax}${entry.keyFocus ? ' (key focus: work on it first)' : ''}`,
      ),
    );
  }
  lines.push('', '## Path to production', '', '### Delivery', '', ...stepLines(summary.flow.delivery), '');
  lines.push('### Recovery', '', ...stepLines(summary.flow.recovery), '');
  lines.push('## Top improvements', '');
  if (summary.topImprovements === null) lines.push('The votes are not revealed yet.');
  else if (summary.topImprovements.length === 0) lines.push('No improvement received a vote.');
  else {
    lines.push(
      ...summary.topImprovements.map(
        (entry, index) =>
          `${index + 1}. ${md(entry.text)} (${md(entry.step)}): ${entry.votes} ${entry.votes === 1 ? 'vote' : 'votes'}`,
      ),
    );
  }
  lines.push('', '## Actions', '');
  if (summary.actions.length === 0) lines.push('No actions yet.');
  else {
    lines.push('| Action | Owner | Due | Capability | Status |', '| --- | --- | --- | --- | --- |');
    lines.push(
      ...summary.actions.map(
        (action) =>
          `| ${md(action.title)} | ${md(action.owner)} | ${action.due ?? '–'} | ${action.capability ?? '–'} | ${statusText[action.status]} |`,
      ),
    );
  }
  lines.push('', ...surveyLines(summary));
  lines.push(
    'Quick Check, capabilities and benchmarks: DORA (dora.dev). Statements and tips in our own words.',
    '',
  );
  return lines.join('\n');
}
