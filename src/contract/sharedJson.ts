/**
 * JSON texts of several values that share objects, such as the views of one broadcast (`viewsFor`
 * gives every person the same object for what they all see): an object met again is not serialised
 * again. The first `walkDepth` levels are walked here to find the shared objects; anything deeper is
 * handed whole to `JSON.stringify`. Each text is exactly what `JSON.stringify` gives for the value.
 */
export function stringifySharing(values: readonly object[], walkDepth: number): string[] {
  const written = new Map<object, string>();
  const write = (value: unknown, level: number): string | undefined => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    const known = written.get(value);
    if (known !== undefined) return known;
    let text: string;
    if (level >= walkDepth || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      text = JSON.stringify(value);
    } else if (Array.isArray(value)) {
      text = `[${value.map((item) => write(item, level + 1) ?? 'null').join(',')}]`;
    } else {
      const fields: string[] = [];
      for (const key of Object.keys(value)) {
        const field = write((value as Record<string, unknown>)[key], level + 1);
        if (field !== undefined) fields.push(`${JSON.stringify(key)}:${field}`);
      }
      text = `{${fields.join(',')}}`;
    }
    written.set(value, text);
    return text;
  };
  return values.map((value) => write(value, 0) as string);
}
