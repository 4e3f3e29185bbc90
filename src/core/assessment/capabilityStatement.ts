import type { CapabilitySlug } from './capability.js';

/** One statement a team rates its agreement with (1–5); the wording is ours, the meaning DORA's. */
export interface CapabilityStatement {
  /** `<capability slug>.<n>`, n from 1 in the order of the statements. */
  id: string;
  capability: CapabilitySlug;
  text: string;
  /** True when agreeing is the worse position: scored 5 − answer instead of answer − 1. */
  reverse: boolean;
}

/** A statement as written in the data: plain text, or text marked reverse-scored. */
export type StatementSpec = string | { text: string; reverse: true };

/** Numbers the statements of one capability. */
export function defineStatements(
  capability: CapabilitySlug,
  specs: readonly StatementSpec[],
): CapabilityStatement[] {
  return specs.map((spec, index) => ({
    id: `${capability}.${index + 1}`,
    capability,
    text: typeof spec === 'string' ? spec : spec.text,
    reverse: typeof spec !== 'string',
  }));
}
