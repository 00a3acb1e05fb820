/** The theme a visitor chose last time, else what their system prefers. */
import type { Theme } from '../app/uiStore';

const KEY = 'kube-playground:theme';

export interface ThemeEnvironment {
  stored: string | null;
  prefersDark: boolean;
}

export function pickTheme(env: ThemeEnvironment): Theme {
  if (env.stored === 'light' || env.stored === 'dark') return env.stored;
  return env.prefersDark ? 'dark' : 'light';
}

export function readThemeEnvironment(): ThemeEnvironment {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch {
    // Storage can be disabled (private windows, file://); the system preference still applies.
  }
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return { stored, prefersDark };
}

export function persistTheme(theme: Theme): void {
  try {
    if (typeof window !== 'undefined') window.localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered across visits; nothing else depends on it.
  }
}
