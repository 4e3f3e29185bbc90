/** The chart colours of the theme in force, read from the style sheet's custom properties. */
export interface Palette {
  text: string;
  muted: string;
  grid: string;
  background: string;
  series: string[];
  good: string;
  bad: string;
  threshold: string;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--fg', '#1a1c1e'),
    muted: read('--muted', '#5b6168'),
    grid: read('--grid', '#d0d5da'),
    background: read('--bg', '#ffffff'),
    series: [
      read('--series-1', '#0b57d0'),
      read('--series-2', '#b3261e'),
      read('--series-3', '#146c2e'),
      read('--series-4', '#8a4a00'),
    ],
    good: read('--good', '#146c2e'),
    bad: read('--bad', '#b3261e'),
    threshold: read('--threshold', '#6b7280'),
  };
}
