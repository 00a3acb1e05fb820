/**
 * The UI's mirror of the cluster: objects by kind, keyed by uid, fed by
 * list+watch. Every change reaches it as data (`ObjectChange`) and is applied
 * in one place, `applyChanges`, once per batch; views are selectors over it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KubeObject } from '../../workers/api/object';
import { INITIAL_TRAVEL, travelReducer, type TravelEvent, type TravelState } from './timeTravel';

export type ObjectChange =
  /** A fresh list: everything of this kind is replaced. */
  | { type: 'replace'; kind: string; objects: readonly KubeObject[] }
  | { type: 'upsert'; kind: string; object: KubeObject }
  | { type: 'delete'; kind: string; object: KubeObject };

export type ConnectionState =
  | { phase: 'starting' }
  | { phase: 'running' }
  | { phase: 'failed'; message: string };

/** What the user has picked (graph, browser, inspector relations): the inspector shows it. */
export interface SelectedObject {
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  uid: string;
}

export interface ClusterState {
  connection: ConnectionState;
  /** The one selected object, or null. It may since have been deleted: look it up by kind and uid. */
  selected: SelectedObject | null;
  /** kind → uid → object. A kind's map is replaced (never mutated) when it changes. */
  objects: Readonly<Record<string, ReadonlyMap<string, KubeObject>>>;
  /** Kinds whose first list has arrived. */
  synced: Readonly<Record<string, true>>;
  /** Live, or viewing the cluster at a past revision (see timeTravel.ts; the session acts on it). */
  travel: TravelState;
  /** uids the graph outlines: what the timeline entry in focus touched. */
  highlighted: ReadonlySet<string>;
  /** The last step's "what just happened" sentence (timeline stepping), shown in the header and the timeline. */
  narration: Narration | null;
  applyChanges(changes: readonly ObjectChange[]): void;
  setConnection(connection: ConnectionState): void;
  select(selected: SelectedObject | null): void;
  travelTo(event: TravelEvent): void;
  setHighlighted(uids: Iterable<string>): void;
  setNarration(narration: Narration | null): void;
}

export interface Narration {
  text: string;
  /** Virtual time the step ended at. */
  time: number;
  /** Tasks the step ran. */
  ran: number;
  /** Bumped per step so the same sentence twice still reads as news. */
  seq: number;
  /** Timeline entry ids the step ran (at most the worker's step result limit). */
  entries: readonly number[];
  /** After a session replay or a fork: the new cluster's history hash, and whether the replay reproduced the export. */
  history?: { hash: string; matches?: boolean };
}

export type ClusterStore = StoreApi<ClusterState>;

const EMPTY: ReadonlyMap<string, KubeObject> = new Map();
const NO_UIDS: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

/** uid, or namespace/name for the rare object without one (e.g. a dry-run echo). */
export function objectKey(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return m.uid ?? `${m.namespace ?? ''}/${m.name ?? ''}`;
}

/** Pure: the `objects`/`synced` that result from applying `changes` in order. */
export function reduceChanges(
  state: Pick<ClusterState, 'objects' | 'synced'>,
  changes: readonly ObjectChange[],
): Pick<ClusterState, 'objects' | 'synced'> {
  if (changes.length === 0) return state;
  // Copy each touched kind's map once per batch, however many changes it gets.
  const touched = new Map<string, Map<string, KubeObject>>();
  let synced = state.synced;
  const mapFor = (kind: string, fresh = false): Map<string, KubeObject> => {
    let m = touched.get(kind);
    if (fresh) {
      m = new Map();
      touched.set(kind, m);
    } else if (!m) {
      m = new Map(state.objects[kind] ?? EMPTY);
      touched.set(kind, m);
    }
    return m;
  };
  for (const c of changes) {
    switch (c.type) {
      case 'replace': {
        const m = mapFor(c.kind, true);
        for (const o of c.objects) m.set(objectKey(o), o);
        if (!synced[c.kind]) synced = { ...synced, [c.kind]: true };
        break;
      }
      case 'upsert':
        mapFor(c.kind).set(objectKey(c.object), c.object);
        break;
      case 'delete':
        mapFor(c.kind).delete(objectKey(c.object));
        break;
    }
  }
  const objects: Record<string, ReadonlyMap<string, KubeObject>> = { ...state.objects };
  for (const [kind, m] of touched) objects[kind] = m;
  return { objects, synced };
}

export function sameSelection(a: SelectedObject | null, b: SelectedObject | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.uid === b.uid && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

export function createClusterStore(): ClusterStore {
  return createStore<ClusterState>()((set, get) => ({
    connection: { phase: 'starting' },
    selected: null,
    objects: {},
    synced: {},
    travel: INITIAL_TRAVEL,
    highlighted: NO_UIDS,
    narration: null,
    applyChanges(changes) {
      if (changes.length > 0) set(reduceChanges(get(), changes));
    },
    setConnection(connection) {
      set({ connection });
    },
    select(selected) {
      if (!sameSelection(get().selected, selected)) set({ selected });
    },
    travelTo(event) {
      const travel = travelReducer(get().travel, event);
      if (travel !== get().travel) set({ travel });
    },
    setHighlighted(uids) {
      const next = new Set(uids);
      if (!sameSet(get().highlighted, next)) set({ highlighted: next.size === 0 ? NO_UIDS : next });
    },
    setNarration(narration) {
      set({ narration });
    },
  }));
}

/** A kind's objects (a stable reference until that kind changes). */
export const selectKind =
  (kind: string) =>
  (s: ClusterState): ReadonlyMap<string, KubeObject> =>
    s.objects[kind] ?? EMPTY;
