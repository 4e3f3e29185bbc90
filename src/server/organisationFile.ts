import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { parseOrganisationFile } from '../contract/organisationFile.js';
import { checkOrganisation } from '../core/org/checkOrganisation.js';
import type { Organisation } from '../core/org/organisation.js';

/** A problem located in the organisation file: line and column (1-based), the field's path, what is wrong. */
export interface LocatedProblem {
  line: number;
  column: number;
  path: string;
  message: string;
}

export type OrganisationFileResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; problems: LocatedProblem[] };

const describePath = (path: (string | number)[]): string =>
  path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  ) || '(top level)';

/** Parses and validates organisation YAML, naming the line and field of every problem. */
export function parseOrganisationYaml(text: string): OrganisationFileResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        ...locate(error.pos[0]),
        path: '(syntax)',
        message: error.message.split('\n')[0] ?? 'invalid YAML',
      })),
    };
  }
  const locatePath = (path: (string | number)[]) => {
    // The deepest node that exists on the path carries the position (a missing field points at its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return locate(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // Aliases can still fail here: one used before its anchor, or so many they would exhaust memory.
    return {
      ok: false,
      problems: [{ line: 1, column: 1, path: '(syntax)', message: (error as Error).message }],
    };
  }
  const shaped = parseOrganisationFile(value);
  if (!shaped.ok) {
    return {
      ok: false,
      problems: shaped.problems.map((problem) => ({
        ...locatePath(problem.path),
        path: describePath(problem.path),
        message: problem.message,
      })),
    };
  }
  const issues = checkOrganisation(shaped.organisation);
  if (issues.length > 0) {
    return {
      ok: false,
      problems: issues.map((issue) => ({
        ...locatePath(issue.path),
        path: describePath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { ok: true, organisation: shaped.organisation };
}

/** Reads an organisation file; a missing or unreadable file is one problem naming the path. */
export async function readOrganisationFile(path: string): Promise<OrganisationFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          column: 0,
          path,
          message: `cannot read the organisation file: ${(error as Error).message}`,
        },
      ],
    };
  }
  return parseOrganisationYaml(text);
}

/** Formats problems the way compilers do: `file:line:column  field  message`. */
export function formatProblems(file: string, problems: LocatedProblem[]): string {
  return problems.map((p) => `${file}:${p.line}:${p.column}  ${p.path}: ${p.message}`).join('\n');
}
