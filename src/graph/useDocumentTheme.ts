/**
 * The theme as the CSS sees it: `data-theme` on <html>. The canvas reads its
 * colours from CSS variables, so it must repaint after that attribute
 * changes, which the shell sets in an effect that runs after the graph's own.
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => mo.disconnect();
}

const current = () => document.documentElement.dataset.theme ?? '';

export function useDocumentTheme(): string {
  return useSyncExternalStore(subscribe, current, () => '');
}
