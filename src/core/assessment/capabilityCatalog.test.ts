import { describe, expect, it } from 'vitest';
import { capabilitySlugs } from './capability.js';
import {
  capabilityCatalog,
  getCapability,
  listCapabilitiesByCategory,
  listCapabilitiesByGrouping,
} from './capabilityCatalog.js';
import { hasStatements } from './capabilityStatements.js';
import { reflectiveQuestions } from './reflectiveQuestions.js';

describe('the capability catalog', () => {
  it('holds every capability once, in the order of the slug list', () => {
    expect(capabilityCatalog.map((capability) => capability.slug)).toEqual([...capabilitySlugs]);
    expect(new Set(capabilityCatalog.map((capability) => capability.name)).size).toBe(
      capabilityCatalog.length,
    );
  });

  it('has the classic 27 in their categories (13 technical, 5 measurement, 5 process, 4 cultural)', () => {
    expect(listCapabilitiesByCategory('technical')).toHaveLength(13);
    expect(listCapabilitiesByCategory('measurement')).toHaveLength(5);
    expect(listCapabilitiesByCategory('process')).toHaveLength(5);
    expect(listCapabilitiesByCategory('cultural')).toHaveLength(4);
    expect(listCapabilitiesByCategory(null).map((capability) => capability.slug)).toEqual([
      'documentation-quality',
      'well-being',
      'reliability-engineering',
      'clear-and-communicated-ai-stance',
      'healthy-data-ecosystems',
      'ai-accessible-internal-data',
      'platform-engineering',
      'user-centric-focus',
    ]);
  });

  it('keeps former names', () => {
    expect(getCapability('pervasive-security').formerNames).toContain('Shifting left on security');
    expect(getCapability('loosely-coupled-teams').formerNames).toContain('Loosely coupled architecture');
    expect(getCapability('flexible-infrastructure').formerNames).toContain('Cloud infrastructure');
    expect(getCapability('test-automation').formerNames).toContain('Continuous testing');
    expect(getCapability('generative-organizational-culture').formerNames).toContain(
      'Westrum organizational culture',
    );
  });

  it('groups the AI capabilities model, including version control and small batches', () => {
    expect(listCapabilitiesByGrouping('ai').map((capability) => capability.slug)).toEqual([
      'version-control',
      'working-in-small-batches',
      'clear-and-communicated-ai-stance',
      'healthy-data-ecosystems',
      'ai-accessible-internal-data',
      'platform-engineering',
      'user-centric-focus',
    ]);
    const groupings = new Set(capabilityCatalog.map((capability) => capability.grouping));
    expect([...groupings].sort()).toEqual(['ai', 'climate-for-learning', 'fast-feedback', 'fast-flow']);
  });

  it('links each capability to its dora.dev article (none yet for reliability engineering)', () => {
    expect(getCapability('continuous-integration').articleUrl).toBe(
      'https://dora.dev/capabilities/continuous-integration/',
    );
    expect(getCapability('reliability-engineering').articleUrl).toBeNull();
  });

  it('gives substantial guidance for every capability', () => {
    for (const { slug, guidance, movesKeys } of capabilityCatalog) {
      expect(guidance.summary.length, slug).toBeGreaterThan(120);
      expect(guidance.implement.length, slug).toBeGreaterThanOrEqual(3);
      expect(guidance.obstacles.length, slug).toBeGreaterThanOrEqual(2);
      expect(guidance.measure.length, slug).toBeGreaterThanOrEqual(2);
      expect(movesKeys.length, slug).toBeGreaterThanOrEqual(1);
      for (const line of [...guidance.implement, ...guidance.obstacles, ...guidance.measure]) {
        expect(line.length, slug).toBeGreaterThan(20);
      }
    }
  });

  it('offers statements or reflective questions for every capability, never both', () => {
    for (const { slug } of capabilityCatalog) {
      const questions = reflectiveQuestions[slug];
      expect(hasStatements(slug) !== (questions !== undefined), slug).toBe(true);
    }
  });
});
