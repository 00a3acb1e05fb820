/** Short notes on what an action did (chaos results), shown bottom-right and dismissed after a while. */
import type { UiStore } from './uiStore';

export type ToastTone = 'ok' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  /** What happens next, or why it failed. */
  message?: string;
}

/** At most this many at once; older ones make room. */
export const MAX_TOASTS = 3;

let nextId = 1;

export function pushToast(ui: UiStore, toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  const toasts = [...ui.getState().toasts, { ...toast, id }].slice(-MAX_TOASTS);
  ui.setState({ toasts });
  return id;
}

export function removeToast(ui: UiStore, id: number): boolean {
  const toasts = ui.getState().toasts;
  if (!toasts.some((t) => t.id === id)) return false;
  ui.setState({ toasts: toasts.filter((t) => t.id !== id) });
  return true;
}
