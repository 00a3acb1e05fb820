/**
 * The shell's own state: theme, presenter mode, pane sizes, graph filters and
 * the clock mode last set. Cluster objects and the selection live in the
 * cluster store (`src/cluster/store.ts`); this is only how the page looks.
 * Actions (`src/actions/`) are the only writers.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClockMode } from '../../workers/clock/driver';
import { DEFAULT_PANES, type PaneState } from './paneSizes';
import type { Toast } from './toasts';

export type Theme = 'light' | 'dark';

/** The bottom dock's tabs. */
export const DOCK_TABS = ['yaml', 'terminal', 'timeline'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export interface UiState {
  theme: Theme;
  /** Large type for a projector. */
  presenter: boolean;
  panes: PaneState;
  /** Namespaces whose objects the graph leaves out (new namespaces are shown). */
  hiddenNamespaces: ReadonlySet<string>;
  /** Node lanes the user opened or closed; others follow the default (control-plane closed). */
  laneOverrides: Readonly<Record<string, 'open' | 'closed'>>;
  /** What the worker's clock was last told. */
  clockMode: ClockMode;
  /** The speed `resume` returns to. */
  lastSpeed: number;
  /** The graph refits when it grows until the user pans or zooms; `fitGraph` turns this back on. */
  followGraph: boolean;
  /** What the bottom dock shows while open. */
  dockTab: DockTab;
  /** Results of user actions (chaos), newest last. */
  toasts: readonly Toast[];
}

export type UiStore = StoreApi<UiState>;

export const DEFAULT_HIDDEN_NAMESPACES: ReadonlySet<string> = new Set(['kube-system']);

export function initialUiState(overrides: Partial<UiState> = {}): UiState {
  return {
    theme: 'light',
    presenter: false,
    panes: DEFAULT_PANES,
    hiddenNamespaces: DEFAULT_HIDDEN_NAMESPACES,
    laneOverrides: {},
    // The worker starts its clock at 1× real time.
    clockMode: { kind: 'realtime', speed: 1 },
    lastSpeed: 1,
    followGraph: true,
    dockTab: 'yaml',
    toasts: [],
    ...overrides,
  };
}

export function createUiStore(overrides: Partial<UiState> = {}): UiStore {
  return createStore<UiState>()(() => initialUiState(overrides));
}
