import { type FormEvent, useId } from 'react';
import { Link } from 'react-router';
import { formatWindow } from '../lib/format.js';
import { useOrg } from '../lib/queries.js';
import { useSearchUpdate } from '../lib/searchUpdate.js';
import { type DateWindow, readWindow, windowPresets } from '../lib/timeWindow.js';

/**
 * The window of the figures: the last 30, 90 or 180 days, or custom dates. Everything lives in the
 * URL, so the view can be shared and the back button works.
 */
export function WindowPicker() {
  const timeZone = useOrg().data?.organisation.timezone;
  const { search, update, linkTo } = useSearchUpdate();
  const window = readWindow(search);
  const id = useId();
  const presetLink = (preset: string) =>
    linkTo({ window: preset === '90' ? undefined : preset, from: undefined, to: undefined });
  const onCustom = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (from && to && from < to) void update({ window: undefined, from, to });
  };
  return (
    <div className="window-picker">
      <nav aria-label="Window">
        <span className="label">Window</span>
        <ul className="segmented">
          {windowPresets.map((preset) => (
            <li key={preset}>
              <Link {...presetLink(preset)} aria-current={window.key === preset ? 'true' : undefined}>
                {preset} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="custom-window" onSubmit={onCustom} aria-label="Custom window">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          name="from"
          type="date"
          defaultValue={window.from.slice(0, 10)}
          key={`f${window.from}`}
        />
        <label htmlFor={`${id}-to`}>To (exclusive)</label>
        <input
          id={`${id}-to`}
          name="to"
          type="date"
          defaultValue={window.to.slice(0, 10)}
          key={`t${window.to}`}
        />
        <button type="submit" aria-pressed={window.key === 'custom'}>
          Apply dates
        </button>
      </form>
      <p className="muted window-shown">{describeWindow(window, timeZone)}</p>
    </div>
  );
}

function describeWindow(window: DateWindow, timeZone?: string): string {
  const range = formatWindow(window.from, window.to, timeZone);
  return window.key === 'custom' ? `Custom window: ${range}` : `Last ${window.key} days: ${range}`;
}
