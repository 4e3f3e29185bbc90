import { input, select } from '@inquirer/prompts';
import {
  currentEditionId,
  type EditionId,
  editionIds,
  getEdition,
  industries,
  isEditionId,
  type QuickCheckResult,
  scoreQuickCheck,
} from '../core/assessment/index.js';

export interface QuickcheckOptions {
  edition?: string;
  industry?: string;
  organisationSize?: string;
  json?: boolean;
  /** Answers given as flags, by answer key (leadtime, deployfreq, ttr, chgfail, failurerecovery, changefailure, rework). */
  answers: Record<string, string | undefined>;
}

/**
 * `checkpoint quickcheck`: DORA's Quick Check in the terminal. Answers come from flags; any missing one
 * is asked interactively (arrow keys) when the terminal allows, otherwise the command names it.
 */
export async function quickcheckCommand(options: QuickcheckOptions): Promise<void> {
  const interactive = process.stdin.isTTY === true && !options.json;
  let editionId = options.edition;
  if (editionId === undefined && interactive) {
    editionId = await select({
      message: 'Which edition of the Quick Check?',
      default: currentEditionId,
      choices: editionIds.map((id) => ({
        value: id,
        name: `${getEdition(id).title}${id === currentEditionId ? ' (current)' : ''}`,
      })),
    });
  }
  editionId ??= currentEditionId;
  if (!isEditionId(editionId)) return fail(`--edition: must be one of ${editionIds.join(', ')}`);
  const edition = getEdition(editionId as EditionId);

  const answers: Record<string, number> = {};
  const missing: string[] = [];
  for (const question of edition.questions) {
    const given = options.answers[question.key];
    if (given !== undefined) {
      answers[question.key] = Number(given);
      continue;
    }
    if (!interactive) {
      missing.push(`--${question.key}`);
      continue;
    }
    console.log(`\n${question.stem}`);
    for (const tip of question.tips) console.log(`  · ${tip}`);
    if (question.kind === 'option') {
      answers[question.key] = await select({
        message: question.title,
        choices: [...question.options]
          .reverse()
          .map((option) => ({ value: option.value, name: option.label })),
      });
    } else {
      const value = await input({
        message: `${question.title} (0–100 %)`,
        validate: (text) =>
          /^\d{1,3}(\.\d+)?$/.test(text.trim()) && Number(text) <= 100 ? true : 'a percentage from 0 to 100',
      });
      answers[question.key] = Number(value);
    }
  }
  if (missing.length > 0) return fail(`missing answers for edition ${edition.id}: ${missing.join(', ')}`);

  let industry = options.industry;
  if (industry === undefined && interactive) {
    industry = await select({
      message: 'Your industry (for the comparison)',
      default: 'all',
      choices: industries.map((i) => ({ value: i.key, name: i.name })),
    });
  }
  const outcome = scoreQuickCheck(edition.id, answers, {
    industry,
    organisationSize: options.organisationSize,
  });
  if (!outcome.ok)
    return fail(
      outcome.problems.map((p) => `--${p.field.replace(/^answers\./, '')}: ${p.message}`).join('\n'),
    );
  if (options.json) {
    console.log(JSON.stringify(outcome.value, null, 2));
    return;
  }
  console.log(`\n${describe(outcome.value)}`);
}

/** The result in a few lines of plain text. */
export function describe(result: QuickCheckResult): string {
  const lines = [result.editionTitle];
  if (result.method === 'tier') {
    lines.push(
      `Tier: ${result.tier} · better than ${result.percentile}% of respondents (average answer ${result.average.toFixed(2)})`,
    );
  } else if (result.method === 'percentile') {
    lines.push(
      `Better than ${result.percentile}% of respondents (average answer ${result.average.toFixed(2)})`,
    );
  } else {
    lines.push(
      `Overall ${result.scores.overall.display} · throughput ${result.scores.throughput.display} · stability ${result.scores.stability.display} (0–10)`,
    );
    for (const metric of result.scores.metrics) lines.push(`  ${metric.title}: ${metric.score.display}`);
    if (result.nearestCluster)
      lines.push(
        `${result.nearestCluster.label} (our reading, not DORA's verdict): ${result.nearestCluster.tier}`,
      );
  }
  lines.push(`Capabilities to work on: ${result.recommendedCapabilities.join(', ')}`);
  lines.push(`Source: ${result.source.publisher}, ${result.source.title} (${result.source.url})`);
  return lines.join('\n');
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
