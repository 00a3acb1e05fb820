import { describe, it, expect } from 'vitest';
import { pickTheme } from './themePreference';

describe('pickTheme', () => {
  it('prefers what the visitor chose', () => {
    expect(pickTheme({ stored: 'dark', prefersDark: false })).toBe('dark');
    expect(pickTheme({ stored: 'light', prefersDark: true })).toBe('light');
  });

  it('falls back to the system preference, ignoring junk', () => {
    expect(pickTheme({ stored: null, prefersDark: true })).toBe('dark');
    expect(pickTheme({ stored: 'purple', prefersDark: false })).toBe('light');
  });
});
