/**
 * Light and dark themes: the system's preference by default, or the reader's choice remembered in
 * localStorage. The choice is an attribute on <html> that the style sheet reads.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const storageKey = 'checkpoint-theme';
const listeners = new Set<() => void>();

function readStored(): Theme | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

const prefersDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** The theme in force: the stored choice, else the system's preference. */
export function effectiveTheme(): Theme {
  return readStored() ?? (prefersDark() ? 'dark' : 'light');
}

/** Puts the stored choice (if any) on <html>; called once before the first render. */
export function applyStoredTheme(): void {
  const stored = readStored();
  if (stored) document.documentElement.dataset.theme = stored;
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const listener of listeners) listener();
  });
}

/** Remembers and applies a theme. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Private modes may refuse storage: the choice then lasts for this page only.
  }
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme in force, re-rendering when it changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, effectiveTheme, () => 'light');
}
