import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { UiState, UiStore } from './uiStore';

const UiContext = createContext<UiStore | null>(null);

export function UiProvider({ store, children }: { store: UiStore; children: ReactNode }) {
  return <UiContext.Provider value={store}>{children}</UiContext.Provider>;
}

export function useUiStore(): UiStore {
  const store = useContext(UiContext);
  if (!store) throw new Error('useUi must be used inside <UiProvider>');
  return store;
}

/** A selector over the shell's state; the selector must return stable references. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useUiStore(), selector);
}
