import { chooseTheme, useTheme } from '../lib/theme.js';

/** Switches between the light and dark theme; the choice is remembered on this device. */
export function ThemeToggle() {
  const theme = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === 'dark'}
      onClick={() => chooseTheme(next)}
      title={`Switch to the ${next} theme`}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
