import { useEffect } from 'react';
import { useUi } from '../app/UiContext';

/** Puts the theme and presenter mode on <html>, where the CSS variables switch on them. */
export function useThemeAttributes(): void {
  const theme = useUi((s) => s.theme);
  const presenter = useUi((s) => s.presenter);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#0b1120' : '#0f172a');
  }, [theme, presenter]);
}
