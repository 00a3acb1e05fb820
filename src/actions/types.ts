/**
 * The contract every user action shares (excalidraw's `actions/`): an id from a
 * closed union, a label for buttons and menus, optional keyboard shortcuts, and
 * `perform(ctx, input)`. Buttons, shortcuts, the devtools handle and tests all
 * run actions through the registry, so they all behave the same.
 */
import type { ClusterClient } from '../cluster/client';
import type { ClusterStore, SelectedObject } from '../cluster/store';
import type { PanelId } from '../app/paneSizes';
import type { DockTab, UiStore } from '../app/uiStore';

/** Names a namespaced or cluster-scoped object. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** Each action's input. `void` actions take none. */
export interface ActionInputs {
  setSpeed: { speed: number };
  pause: void;
  resume: void;
  togglePause: void;
  select: SelectedObject | null;
  /** The object to delete; without one, the selection. */
  deleteObject: ObjectRef | undefined;
  toggleTheme: void;
  togglePresenter: void;
  fitGraph: void;
  togglePanel: { panel: PanelId };
  toggleNamespace: { namespace: string };
  toggleLane: { lane: string };
  // Timeline: stepping and time travel (src/timeline/README.md).
  stepTask: void;
  stepToWrite: void;
  /** The object to watch (uid or store key); without one, the selection. */
  stepUntilChanged: { object: string } | undefined;
  runUntilIdle: { maxVirtualMs: number } | undefined;
  /** Show the cluster as it was at `revision` (`time`, its virtual time, labels the banner). */
  travelTo: { revision: number; time?: number };
  travelLive: void;
  /** Fork: the cluster continues from this revision (default: the one viewed); later history is dropped. */
  resumeFromHere: { revision: number } | undefined;
  /** Replay an exported session (its JSON text) into a new cluster. */
  openSession: { document: string };
  // Dock tabs and chaos (src/chaos/README.md).
  showDockTab: { tab: DockTab };
  dismissToast: { id: number };
  stopKubelet: { node: string };
  startKubelet: { node: string };
  partitionNode: { node: string };
  healNode: { node: string };
  exhaustMemory: { node: string };
  releaseMemory: { node: string };
  cordonNode: { node: string };
  uncordonNode: { node: string };
  /** kubectl drain --ignore-daemonsets --delete-emptydir-data, and --force with `force`. */
  drainNode: { node: string; force?: boolean };
  deleteNode: { node: string };
  addNode: void;
  crashContainer: { namespace: string; pod: string; container?: string };
}

export type ActionId = keyof ActionInputs;

/** A failure a user can cause is a value (with the API's Status when there is one), never a throw. */
export type ActionResult = { ok: true } | { ok: false; message: string; status?: unknown };

/** What the graph lets actions do to its viewport; set while the graph is mounted. */
export interface GraphControls {
  fit: (() => void) | null;
}

export interface ActionContext {
  /** `timeline` is absent in tests that do not need it; timeline actions then refuse. */
  client: Pick<ClusterClient, 'request' | 'setMode'> & Partial<Pick<ClusterClient, 'timeline' | 'chaos' | 'kubectl'>>;
  cluster: ClusterStore;
  ui: UiStore;
  graph: GraphControls;
}

export interface ShortcutBinding<I> {
  /** `p`, `Shift+P`, `Delete`, `Escape`, `Space` (see shortcuts.ts). */
  keys: string;
  input: I;
}

export interface Action<Id extends ActionId = ActionId> {
  id: Id;
  label: string;
  shortcuts?: readonly ShortcutBinding<ActionInputs[Id]>[];
  perform(ctx: ActionContext, input: ActionInputs[Id]): ActionResult | Promise<ActionResult>;
}

export const OK: ActionResult = { ok: true };

export function failed(message: string, status?: unknown): ActionResult {
  return status === undefined ? { ok: false, message } : { ok: false, message, status };
}

/** `run(id)` for void actions, `run(id, input)` for the others. */
export type ActionArgs<Id extends ActionId> = undefined extends ActionInputs[Id] ? [] | [ActionInputs[Id]] : [ActionInputs[Id]];
