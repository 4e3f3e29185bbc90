/**
 * Every capability statement (our wording of DORA's items, dora.dev) and the look-ups over them.
 * Capabilities without statements have reflective questions instead (see `reflectiveQuestions`).
 */
import type { CapabilitySlug } from './capability.js';
import type { CapabilityStatement } from './capabilityStatement.js';
import { practiceStatements } from './practiceStatements.js';
import { technicalStatements } from './technicalStatements.js';

/** All statements, grouped by capability, numbered within it. */
export const capabilityStatements: readonly CapabilityStatement[] = [
  ...technicalStatements,
  ...practiceStatements,
];

const byId = new Map(capabilityStatements.map((statement) => [statement.id, statement]));

/** The statement with this id, if any. */
export function getStatement(id: string): CapabilityStatement | undefined {
  return byId.get(id);
}

/** The statements of one capability, in order (empty when it has none). */
export function listStatements(capability: CapabilitySlug): CapabilityStatement[] {
  return capabilityStatements.filter((statement) => statement.capability === capability);
}

/** True when a capability can be scored from statements. */
export function hasStatements(capability: CapabilitySlug): boolean {
  return capabilityStatements.some((statement) => statement.capability === capability);
}
