import type { Band } from '../lib/apiTypes.js';
import {
  type BandKind,
  isLowConfidenceSample,
  lowConfidenceText,
  type SampleKind,
  shortBandLabel,
} from '../lib/bandText.js';

interface BandChipProps {
  band: Band | null;
  kind: BandKind;
  /** The sample the band rests on; shown as "n=…" and marked when low-confidence. */
  sample?: { kind: SampleKind; size: number } | undefined;
  /** Fewer elements, for tables of hundreds of rows: the band's number is left to the title. */
  compact?: boolean;
}

/**
 * A band as a chip: its short label in words (never colour alone), coloured by the band, with the
 * sample size and a visible mark when the sample is too small to trust (metrics §5).
 */
export function BandChip({ band, kind, sample, compact = false }: BandChipProps) {
  if (band === null) return <span className="chip chip-none">no band</span>;
  const low = sample !== undefined && isLowConfidenceSample(sample.kind, sample.size);
  const title = `${band.label} (band ${band.value} of 6)${low && sample ? `. ${lowConfidenceText(sample.kind)}` : ''}`;
  const chip = (
    <span className={`chip band-${band.value}${low ? ' chip-low' : ''}`} title={title}>
      {shortBandLabel(kind, band.value)}
      {!compact && <span className="visually-hidden">, band {band.value} of 6</span>}
    </span>
  );
  const size = sample !== undefined && <span className="sample">{`n=${sample.size}`}</span>;
  const mark = low && sample && (
    <span className="low-confidence" title={lowConfidenceText(sample.kind)}>
      low confidence
    </span>
  );
  if (compact) {
    return (
      <>
        {chip}
        {size}
        {mark}
      </>
    );
  }
  return (
    <span className="chip-group">
      {chip}
      {size}
      {mark}
    </span>
  );
}
