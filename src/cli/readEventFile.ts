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
      if (!looksLikeNdjson(text)) return { error: notJson(text, path, error) };
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

/**
 * Whether a text that is not one JSON document is NDJSON rather than a broken pretty-printed document.
 * NDJSON's lines are whole values, all but the broken ones. A document spread over lines opens on
 * its first line and closes on its last, and neither bracket stands alone. So: the first line parses
 * alone, or the last one does and so do at least half of them.
 */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || parsesAlone(lines[0] ?? '')) return true;
  if (!parsesAlone(lines.at(-1) ?? '')) return false;
  let alone = 0;
  for (const line of lines) if (parsesAlone(line)) alone += 1;
  return alone * 2 >= lines.length;
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
