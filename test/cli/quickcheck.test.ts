import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/checkpoint.js', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'quickcheck', ...args], { encoding: 'utf8', input: '' });

describe('checkpoint quickcheck', () => {
  it('scores answers given as flags, as DORA does', () => {
    const result = run(
      '--edition',
      '2019',
      '--leadtime',
      '6',
      '--deployfreq',
      '6',
      '--ttr',
      '5',
      '--chgfail',
      '5',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Tier: elite · better than 89% of respondents/);
  });

  it('prints the same JSON as the API with --json', () => {
    const result = run(
      '--edition',
      '2023',
      '--leadtime',
      '6',
      '--deployfreq',
      '6',
      '--failurerecovery',
      '6',
      '--changefailure',
      '50',
      '--json',
    );
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.scores.overall.display).toBe('8.8');
    expect(body.scores.metrics.find((m: { key: string }) => m.key === 'changefailure').score.display).toBe(
      '5.0',
    );
  });

  it('names a bad or missing answer and exits 2 when it cannot ask', () => {
    const bad = run(
      '--edition',
      '2019',
      '--leadtime',
      '9',
      '--deployfreq',
      '6',
      '--ttr',
      '5',
      '--chgfail',
      '5',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--leadtime: must be an integer from 1 to 6/);
    const missing = run('--edition', '2025', '--leadtime', '6');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /missing answers for edition 2025: --deployfreq, --failurerecovery, --changefailure, --rework/,
    );
    const edition = run('--edition', '2018');
    expect(edition.stderr).toMatch(/--edition: must be one of 2019, 2021, 2022, 2023, 2024, 2025/);
  });
});
