import type { Maturity } from '../../../../src/core/workshop/index.js';
import { TierChip } from '../../ui/TierChip.js';

/** Where the squad stands as its edition measures it, in words. */
export function MaturityLine({ maturity, edition }: { maturity: Maturity | null; edition?: string }) {
  if (maturity === null) return <span className="muted">no result yet</span>;
  if (maturity.method === 'tier') {
    return (
      <span>
        <TierChip tier={maturity.tier} suffix="performer" /> better than {maturity.percentile}% of the 2019
        respondents
      </span>
    );
  }
  if (maturity.method === 'percentile') {
    return (
      <span>
        Better than <strong>{maturity.percentile}%</strong> of the {edition ?? ''} respondents
      </span>
    );
  }
  return (
    <span>
      Overall <strong>{maturity.overall}</strong> of 10 · throughput {maturity.throughput} · stability{' '}
      {maturity.stability}
    </span>
  );
}
