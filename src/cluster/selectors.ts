/**
 * Selectors over the mirrored cluster, one per view need. Each returns a value
 * that keeps its identity until what it reads changes, so components that use
 * them re-render only then.
 */
import type { KubeObject } from '../../workers/api/object';
import type { ClusterState, SelectedObject } from './store';

export const selectSelected = (s: ClusterState): SelectedObject | null => s.selected;

/** The selected object as it is now; undefined when nothing is selected or it is gone. */
export const selectSelectedObject = (s: ClusterState): KubeObject | undefined => {
  const sel = s.selected;
  return sel ? s.objects[sel.kind]?.get(sel.uid) : undefined;
};

/** True once every listed kind has had its first list. */
export const selectSyncedAll =
  (kinds: readonly string[]) =>
  (s: ClusterState): boolean =>
    kinds.every((k) => s.synced[k] === true);

/** The reference to select for an object (what the graph, browser and inspector hand to `select`). */
export function selectionOf(obj: KubeObject): SelectedObject {
  const m = obj.metadata;
  return { kind: obj.kind, namespace: m.namespace ?? '', name: m.name ?? '', uid: m.uid ?? `${m.namespace ?? ''}/${m.name ?? ''}` };
}
