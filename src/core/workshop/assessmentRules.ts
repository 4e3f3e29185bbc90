/**
 * The four keys and the capabilities. Each member answers privately and may change their answer
 * until the facilitator reveals the spread; the reveal needs three answers, or everyone present.
 * The facilitator records the group's agreed answer to each question and may assess capabilities
 * beyond the recommended ones (any that have statements).
 */
import {
  type CapabilitySlug,
  getStatement,
  hasStatements,
  isCapabilitySlug,
  isLikertAnswer,
  likertAllowed,
} from '../assessment/index.js';
import { countLimits, getOwn } from './checkInput.js';
import type { CheckpointState, PrivateAnswers } from './checkpointState.js';
import type { CommandRules, RunOutcome } from './commandRule.js';
import { listAssessedCapabilities } from './getPrioritisation.js';
import { describeQuestionAnswer, getQuestion, isQuestionAnswer } from './getQuickCheckResult.js';
import { canReveal, minimumAnswersToReveal } from './listAnswerers.js';
import { refuse, type WorkshopError } from './workshopError.js';

function reveal(
  draft: CheckpointState,
  item: PrivateAnswers<number>,
  target: 'question' | 'statement',
  key: string,
): RunOutcome {
  if (item.revealed) return refuse('already-revealed', `${target} ${key} is already revealed`);
  if (Object.keys(item.answers).length === 0)
    return refuse('nothing-to-reveal', `nobody has answered ${key}`);
  if (!canReveal(draft, item)) {
    return refuse(
      'too-few-answers',
      `${key} needs ${minimumAnswersToReveal} answers, or an answer from everyone present, before its spread is shown`,
    );
  }
  item.revealed = true;
  return [{ type: 'revealed', target, key }];
}

function answer(
  item: PrivateAnswers<number>,
  actorId: string,
  value: number,
  target: 'question' | 'statement',
  key: string,
): RunOutcome {
  if (item.revealed) return refuse('already-revealed', `${target} ${key} is revealed; answers are closed`);
  item.answers[actorId] = value;
  return [{ type: 'answerCounted', target, key, answered: Object.keys(item.answers).length }];
}

function findAssessedStatement(draft: CheckpointState, statementId: string) {
  const statement = getStatement(String(statementId));
  if (statement === undefined) return refuse('unknown-statement', `no statement ${String(statementId)}`);
  if (!listAssessedCapabilities(draft).some((entry) => entry.slug === statement.capability)) {
    return refuse('capability-not-assessed', `${statement.capability} is not assessed in this checkpoint`);
  }
  return statement;
}

function isRefusal(value: object): value is WorkshopError {
  return 'code' in value;
}

function checkCapability(capability: unknown): WorkshopError | CapabilitySlug {
  if (typeof capability !== 'string' || !isCapabilitySlug(capability)) {
    return refuse('unknown-capability', `no capability ${String(capability)}`);
  }
  return capability;
}

type AssessmentCommand =
  | 'answerQuestion'
  | 'revealQuestion'
  | 'resetQuestion'
  | 'agreeAnswer'
  | 'answerStatement'
  | 'revealStatement'
  | 'addCapability'
  | 'removeCapability';

/** Rules of the four keys and capabilities commands. */
export const assessmentRules: CommandRules<AssessmentCommand> = {
  answerQuestion: {
    sender: 'member',
    phase: 'metrics',
    run(draft, { actorId, questionKey, value }) {
      const question = getQuestion(draft, questionKey);
      const item = getOwn(draft.questions, String(questionKey));
      if (question === undefined || item === undefined) {
        return refuse('unknown-question', `${draft.edition} asks no question ${String(questionKey)}`);
      }
      if (!isQuestionAnswer(question, value)) {
        return refuse('answer-out-of-range', `value must be ${describeQuestionAnswer(question)}`);
      }
      return answer(item, actorId, value, 'question', questionKey);
    },
  },
  revealQuestion: {
    sender: 'facilitator',
    phase: 'metrics',
    run(draft, { questionKey }) {
      const item = getOwn(draft.questions, String(questionKey));
      if (item === undefined) return refuse('unknown-question', `no question ${String(questionKey)}`);
      return reveal(draft, item, 'question', questionKey);
    },
  },
  resetQuestion: {
    sender: 'facilitator',
    phase: 'metrics',
    run(draft, { questionKey }) {
      const item = getOwn(draft.questions, String(questionKey));
      if (item === undefined) return refuse('unknown-question', `no question ${String(questionKey)}`);
      item.answers = {};
      item.revealed = false;
      return [{ type: 'questionReset', key: questionKey }];
    },
  },
  agreeAnswer: {
    sender: 'facilitator',
    phase: 'metrics',
    run(draft, { questionKey, value }) {
      const question = getQuestion(draft, questionKey);
      const item = getOwn(draft.questions, String(questionKey));
      if (question === undefined || item === undefined) {
        return refuse('unknown-question', `${draft.edition} asks no question ${String(questionKey)}`);
      }
      if (value !== null && !isQuestionAnswer(question, value)) {
        return refuse('answer-out-of-range', `value must be ${describeQuestionAnswer(question)}, or null`);
      }
      item.agreed = value;
      return [{ type: 'answerAgreed', key: questionKey, value }];
    },
  },
  answerStatement: {
    sender: 'member',
    phase: 'capabilities',
    run(draft, { actorId, statementId, value }) {
      const statement = findAssessedStatement(draft, statementId);
      if (isRefusal(statement)) return statement;
      if (!isLikertAnswer(value)) return refuse('answer-out-of-range', `value must be ${likertAllowed}`);
      draft.statements[statement.id] ??= { answers: {}, revealed: false };
      return answer(draft.statements[statement.id]!, actorId, value, 'statement', statement.id);
    },
  },
  revealStatement: {
    sender: 'facilitator',
    phase: 'capabilities',
    run(draft, { statementId }) {
      const statement = findAssessedStatement(draft, statementId);
      if (isRefusal(statement)) return statement;
      const item = getOwn(draft.statements, statement.id) ?? { answers: {}, revealed: false };
      const events = reveal(draft, item, 'statement', statement.id);
      if (Array.isArray(events)) draft.statements[statement.id] = item;
      return events;
    },
  },
  addCapability: {
    sender: 'facilitator',
    phase: 'capabilities',
    run(draft, { capability }) {
      const slug = checkCapability(capability);
      if (typeof slug !== 'string') return slug;
      if (!hasStatements(slug)) {
        return refuse('capability-without-statements', `${slug} has no statements to answer`);
      }
      if (listAssessedCapabilities(draft).some((entry) => entry.slug === slug)) {
        return refuse('capability-already-assessed', `${slug} is already assessed`);
      }
      if (draft.addedCapabilities.length >= countLimits.addedCapabilities) {
        return refuse('limit-reached', `at most ${countLimits.addedCapabilities} added capabilities`);
      }
      draft.addedCapabilities.push(slug);
      return [{ type: 'capabilityAdded', capability: slug }];
    },
  },
  removeCapability: {
    sender: 'facilitator',
    phase: 'capabilities',
    run(draft, { capability }) {
      const slug = checkCapability(capability);
      if (typeof slug !== 'string') return slug;
      if (!draft.addedCapabilities.includes(slug)) {
        return refuse('capability-not-added', `${slug} was not added; recommended capabilities stay`);
      }
      draft.addedCapabilities = draft.addedCapabilities.filter((entry) => entry !== slug);
      return [{ type: 'capabilityRemoved', capability: slug }];
    },
  },
};
