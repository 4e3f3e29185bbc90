import { describe, expect, it } from 'vitest';
import { summarise } from './summarise.js';
import { command, facilitator, inPhase, mustApply, withPeople } from './testCheckpoint.js';
import { escapeMarkdown, formatWait, toMarkdown } from './toMarkdown.js';

describe('escapeMarkdown', () => {
  it('escapes markup and folds line breaks', () => {
    expect(escapeMarkdown('*bold* _it_ [link](x) <b> # | `code` ~x~ \\')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\# \\| \\`code\\` \\~x\\~ \\\\',
    );
    expect(escapeMarkdown('one\n\n  two\r\nthree')).toBe('one two three');
  });
});

describe('formatWait', () => {
  it('says a wait in minutes, hours or days', () => {
    expect([0, 45, 60, 150, 1440, 1500, 4320].map(formatWait)).toEqual([
      '0 min',
      '45 min',
      '1 h',
      '2 h 30 min',
      '1 d',
      '1 d 1 h',
      '3 d',
    ]);
  });
});

describe('toMarkdown', () => {
  it('says what is missing in a checkpoint just begun', () => {
    const markdown = toMarkdown(summarise(withPeople()));
    for (const line of [
      '2025-03-04 · Quick Check 2025',
      ' · not completed',
      '| Lead time for changes | not agreed | no data |',
      'The four keys are not all agreed yet, so there is no result.',
      'Assessed, not yet ranked: Continuous integration, Loosely coupled teams, Generative organizational culture.',
      'No steps drawn.',
      'The votes are not revealed yet.',
      'No actions yet.',
    ]) {
      expect(markdown).toContain(line);
    }
    expect(markdown).not.toContain('## Survey');
  });

  it('gives the 2025 scores, and escapes what people typed', () => {
    let state = mustApply(
      inPhase(withPeople(), 'metrics'),
      ...Object.entries({
        leadtime: 5,
        deployfreq: 4,
        failurerecovery: 5,
        changefailure: 20,
        rework: 10,
      }).map(([questionKey, value]) => command('agreeAnswer', facilitator, { questionKey, value })),
    );
    state = mustApply(
      inPhase(state, 'pathToProduction'),
      command('addNode', 'ann', {
        nodeId: 's1',
        label: 'Deploy | *prod*',
        automation: 'manual',
        lane: 'delivery',
        x: 0,
        y: 0,
      }),
      command('addNote', 'ann', { noteId: 'n1', nodeId: 's1', kind: 'improvement', text: 'Use <canary>' }),
    );
    state = mustApply(
      inPhase(state, 'vote'),
      command('castVote', 'ann', { noteId: 'n1' }),
      command('revealVotes', facilitator, {}),
    );
    const markdown = toMarkdown(summarise(state));
    expect(markdown).toContain('**Overall 7.8 of 10**: throughput 7.3, stability 8.5.');
    expect(markdown).toContain('- Change failure rate: 8.0');
    expect(markdown).toContain('| Change failure rate | 20% | no data |');
    expect(markdown).toContain('1. Deploy \\| \\*prod\\* (manual)');
    expect(markdown).toContain('1. Use \\<canary\\> (Deploy \\| \\*prod\\*): 1 vote');
  });

  it('says so when no improvement got a vote', () => {
    const summary = { ...summarise(withPeople()), topImprovements: [] };
    expect(toMarkdown(summary)).toContain('No improvement received a vote.');
  });
});
