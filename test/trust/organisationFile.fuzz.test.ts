import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type OrganisationFileResult, parseOrganisationYaml } from '../../src/server/organisationFile.js';
import { badText, wrongType } from './eventArbitraries.js';

// Broken organisation files: parseOrganisationYaml never throws and always names each problem.
const runs = { text: 400, tokens: 400, documents: 300 };
const good = readFileSync(new URL('../fixtures/org/good.yaml', import.meta.url), 'utf8');
const goodDocument = JSON.parse(
  JSON.stringify((parseOrganisationYaml(good) as { organisation: unknown }).organisation),
);

function parseAndCheck(text: string): OrganisationFileResult {
  let result: OrganisationFileResult | undefined;
  expect(
    () => {
      result = parseOrganisationYaml(text);
    },
    text.slice(0, 300),
  ).not.toThrow();
  if (!result) throw new Error('no result');
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.path, JSON.stringify(problem)).toMatch(/\S/);
      expect(problem.message, JSON.stringify(problem)).toMatch(/\w/);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  }
  return result;
}

const yamlTokens = fc.constantFrom(
  'tribes:',
  'squads:',
  'services:',
  'name: ',
  'repo: acme/x',
  'path: a',
  'timezone: ',
  'environments:',
  'production: ',
  'attributionWindowHours: ',
  'onboardedAt: ',
  'pagerduty: ',
  '- ',
  '  ',
  '    ',
  '\n',
  '\t',
  ': ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|',
  '>-',
  '&a ',
  '*a',
  '*b',
  '<<: *a',
  '!!binary ',
  '!!set ',
  '!!omap ',
  '!!js/function ',
  '!custom ',
  '---',
  '...',
  '%YAML 1.1',
  '%TAG ! tag:x,2026:',
  '#',
  '~',
  'null',
  '.inf',
  '-.nan',
  '0x1F',
  '1e999',
  '2026-01-05',
  'Europe/London',
  'Mars/Base',
  'true',
  'a',
  '\\0',
  '"\\0"',
  '"\\ud800"',
  '\u0000',
  '\ufeff',
  '\u2028',
  'é',
  '😀',
);

/** Self-referencing aliases: the classic resource-exhaustion attack and anchors used before they are set. */
const aliasBomb = fc.integer({ min: 2, max: 9 }).map((width) => {
  const levels = 'abcdefg'.split('');
  const lines = levels.map((name, i) =>
    i === 0
      ? `${name}: &${name} [${Array(width).fill('"x"').join(', ')}]`
      : `${name}: &${name} [${Array(width)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`,
  );
  return `${lines.join('\n')}\ntribes: *g\n`;
});

type Path = (string | number)[];
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

describe('the organisation file, broken in every way', () => {
  it('never throws on any text, and names every problem', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        cases++;
        parseAndCheck(text);
      }),
      { numRuns: runs.text },
    );
    console.log(`organisation file, arbitrary text: ${cases} cases`);
  });

  it('never throws on YAML-shaped nonsense: tags, anchors, aliases, directives, several documents', () => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(yamlTokens, { maxLength: 60 }).map((t) => t.join('')),
          aliasBomb,
        ),
        (text) => {
          cases++;
          parseAndCheck(text);
        },
      ),
      { numRuns: runs.tokens },
    );
    console.log(`organisation file, YAML tokens: ${cases} cases`);
  });

  it('refuses a well-formed document with a field removed, mistyped, poisoned or added, naming where', () => {
    let cases = 0;
    const value = fc.oneof(wrongType, badText, fc.anything({ maxDepth: 2 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.nat(), value, fc.boolean(), (at, replacement, asKey) => {
        cases++;
        const document = structuredClone(goodDocument);
        const paths = pathsOf(document);
        const path = paths[at % paths.length] as Path;
        let node = document as Record<string | number, unknown>;
        for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
        const last = path.at(-1) as string | number;
        if (asKey && typeof last === 'string' && typeof replacement === 'string') {
          node[replacement] = node[last];
          delete node[last];
        } else if (replacement === undefined) delete node[last];
        else node[last] = replacement;
        const text = stringify(document);
        const result = parseAndCheck(text);
        if (result.ok) {
          // Only a change the schema allows may pass: an optional field removed or given a valid value.
          expect(JSON.stringify(result.organisation)).not.toMatch(/\\u0000|\\ud[89a-f]/i);
        }
      }),
      { numRuns: runs.documents },
    );
    console.log(`organisation file, changed documents: ${cases} cases`);
  });

  it('names the problem of a string the store cannot keep (NUL, half a surrogate pair)', () => {
    const result = parseAndCheck(good.replace('name: Acme Motors', 'name: "Acme\\0Motors"'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, path: 'name' });
    const alias = parseAndCheck('tribes: *nowhere\n');
    expect(alias.ok).toBe(false);
  });
});
