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
    } catch {
      // not one document: read it as NDJSON
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
    return { error: `${path}: not valid JSON: ${(error as Error).message}` };
  }
}

function fromBody(body: unknown, path: string): EventFile | { error: string } {
  const read = eventsFromBody(body);
  if ('problem' in read) return { error: `${path}: ${read.problem.field}: ${read.problem.message}` };
  return { events: read.events, lines: null };
}
