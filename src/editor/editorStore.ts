/**
 * State of one editor panel. The YAML text itself lives in Monaco's model (it
 * can be megabytes and changes on every key); this store holds what the
 * actions produce. Every outcome is applied in `finish`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ActionOutcome, DiffResult, EditorActionName, Notice, ResultLine } from './actions/types';
import type { Problem } from './manifests';

export interface EditorState {
  /** The action running now; buttons wait while one runs. */
  busy: EditorActionName | null;
  /** Markers from the last action (YAML syntax, client checks, API errors). */
  problems: Problem[];
  notice: Notice | null;
  /** kubectl-like output of the last action. */
  results: ResultLine[];
  lastAction: EditorActionName | null;
  /** Set while the diff view replaces the editor. */
  diff: DiffResult | null;
  /** Delete waits for a second click. */
  confirmingDelete: boolean;

  begin(action: EditorActionName): void;
  finish(outcome: ActionOutcome): void;
  /** Text changed: old markers point at lines that may have moved; good-news notices are stale. */
  textEdited(): void;
  showNotice(notice: Notice | null): void;
  closeDiff(): void;
  setConfirmingDelete(on: boolean): void;
}

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    busy: null,
    problems: [],
    notice: null,
    results: [],
    lastAction: null,
    diff: null,
    confirmingDelete: false,

    begin(action) {
      set({ busy: action, confirmingDelete: false, notice: null });
    },
    finish(outcome) {
      set({
        busy: null,
        problems: outcome.problems,
        notice: outcome.notice ?? null,
        results: outcome.results,
        lastAction: outcome.action,
        diff: outcome.diff ?? (outcome.action === 'diff' ? get().diff : null),
      });
    },
    textEdited() {
      const { problems, notice } = get();
      // Errors stay until dismissed (they explain what was refused); good news is stale once the text moves on.
      const staleNotice = notice !== null && (notice.tone === 'ok' || notice.tone === 'info');
      if (problems.length || staleNotice) set({ problems: [], ...(staleNotice ? { notice: null } : {}) });
    },
    showNotice(notice) {
      set({ notice });
    },
    closeDiff() {
      set({ diff: null });
    },
    setConfirmingDelete(on) {
      set({ confirmingDelete: on });
    },
  }));
}
