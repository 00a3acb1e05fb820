/**
 * The page's theme and presenter mode, read from the attributes the shell
 * sets on <html> (src/theme/theme.css), so Monaco can follow them: it paints
 * its own colours and font size and cannot read CSS variables.
 */
import { useSyncExternalStore } from 'react';

export interface DocumentTheme {
  dark: boolean;
  presenter: boolean;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-presenter'] });
  return () => observer.disconnect();
}

/** A string snapshot, so React compares by value. */
function snapshot(): string {
  const d = document.documentElement.dataset;
  return `${d.theme === 'dark' ? 'dark' : 'light'}|${d.presenter === 'true' ? 'presenter' : ''}`;
}

export function useDocumentTheme(): DocumentTheme {
  const s = useSyncExternalStore(subscribe, snapshot, () => 'light|');
  return { dark: s.startsWith('dark'), presenter: s.endsWith('presenter') };
}

export function editorFontSize(theme: DocumentTheme): number {
  return theme.presenter ? 18 : 14;
}
