import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { isNestedDeeperThan, maxJsonDepth } from '../contract/events.js';
import { eventsFromBody } from '../server/routes/eventRoutes.js';

export interface EventFile {
  events: unknown[];
  /** For NDJSON, the line of each event (1-based); for JSON, null. */
  lines: number[] | null;
}

/** Reads an import file: NDJSON (one event a line) or JSON (one event, an array, or `{"events": [...]}`). */
export async function readEventFile(path: string): Promise<EventFile | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
  // Stored events must be what the file says: no replacement characters, nothing nested absurdly deep.
  if (!isUtf8(bytes)) return { error: `${path}: not valid UTF-8` };
  const text = bytes.toString('utf8');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !text.trim().includes('\n'))) {
    return parseJson(text, path);
  }
  if (trimmed.startsWith('{') && !isNestedDeeperThan(text, maxJsonDepth)) {
    // Either NDJSON or one pretty-printed JSON document: try the document first.
    try {
      return fromBody(JSON.parse(text), path);
    } catch (error) {
      // NDJSON's first line is a whole event; if it is not, this is a broken document, not line 1's fault.
      const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
      if (!parsesAlone(firstLine)) return { error: notJson(text, path, error) };
    }
  }
  const events: unknown[] = [];
  const lines: number[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    if (isNestedDeeperThan(line, maxJsonDepth))
      return {
        error: `${path}:${index + 1}: nested deeper than ${maxJsonDepth} levels of objects and arrays`,
      };
    try {
      events.push(JSON.parse(line));
      lines.push(index + 1);
    } catch (error) {
      return { error: `${path}:${index + 1}: not valid JSON: ${(error as Error).message}` };
    }
  }
  return { events, lines };
}

function parseJson(text: string, path: string): EventFile | { error: string } {
  if (isNestedDeeperThan(text, maxJsonDepth))
    return { error: `${path}: nested deeper than ${maxJsonDepth} levels of objects and arrays` };
  try {
    return fromBody(JSON.parse(text), path);
  } catch (error) {
    return { error: notJson(text, path, error) };
  }
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** The parse error of a whole document, at its line and column when the parser says where. */
function notJson(text: string, path: string, error: unknown): string {
  const message = (error as Error).message;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return `${path}: not valid JSON: ${message}`;
  const before = text.slice(0, Number(position)).split('\n');
  return `${path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: not valid JSON: ${message}`;
}

function fromBody(body: unknown, path: string): EventFile | { error: string } {
  const read = eventsFromBody(body);
  if ('problem' in read) return { error: `${path}: ${read.problem.field}: ${read.problem.message}` };
  return { events: read.events, lines: null };
}
