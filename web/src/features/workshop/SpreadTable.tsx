import type { Spread } from '../../../../src/core/workshop/index.js';

/**
 * A revealed spread: how many chose each option, never who. The bar only repeats the count, which is
 * always written out.
 */
export function SpreadTable({
  spread,
  caption,
  labelOf,
  across = false,
}: {
  spread: Spread;
  caption: string;
  labelOf: (value: number) => string;
  /** Options as columns: short scales (agreement) stay one line high. */
  across?: boolean;
}) {
  if (spread.kind === 'percentage') {
    return (
      <p className="spread-values">
        <span className="spread-caption">{caption}:</span>{' '}
        {spread.values.length === 0 ? 'no answers' : spread.values.map((value) => `${value}%`).join(', ')}
      </p>
    );
  }
  const most = Math.max(1, ...spread.counts.map((entry) => entry.count));
  const bar = (count: number) => (
    <span className="spread-bar" style={{ width: `${(count / most) * 8}rem` }} aria-hidden="true" />
  );
  if (across) {
    return (
      <table className="data-table compact spread spread-across">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {spread.counts.map((entry) => (
              <th scope="col" key={entry.value}>
                {labelOf(entry.value)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {spread.counts.map((entry) => (
              <td key={entry.value}>
                <span className="spread-count">{entry.count}</span> {bar(entry.count / 2)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    );
  }
  return (
    <table className="data-table compact spread">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">People</th>
        </tr>
      </thead>
      <tbody>
        {spread.counts.map((entry) => (
          <tr key={entry.value}>
            <th scope="row">{labelOf(entry.value)}</th>
            <td>
              <span
                className="spread-bar"
                style={{ width: `${(entry.count / most) * 8}rem` }}
                aria-hidden="true"
              />
              <span className="spread-count">{entry.count}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
