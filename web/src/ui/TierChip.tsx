import { getPerformanceTier, type Tier } from '../../../src/core/assessment/performanceTiers.js';

/** A performance tier in words, marked with DORA's tier colour (never the colour alone). */
export function TierChip({ tier, suffix }: { tier: Tier; suffix?: string }) {
  const definition = getPerformanceTier(tier);
  return (
    <span className={`tier-chip tier-${tier}`} style={{ borderLeftColor: definition.colour }}>
      {definition.label}
      {suffix ? ` ${suffix}` : ''}
    </span>
  );
}
