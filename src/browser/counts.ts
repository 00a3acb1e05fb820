/** How many objects of each kind the sidebar shows, for one namespace or all. */
import type { KubeObject } from '../../workers/api/object';
import type { BrowserKind } from './resourceKinds';

export type ObjectsByKind = Readonly<Record<string, ReadonlyMap<string, KubeObject>>>;

/** `namespace` null means all namespaces; cluster-scoped kinds always count everything. */
export function countKind(objects: ObjectsByKind, kind: BrowserKind, namespace: string | null): number {
  const m = objects[kind.kind];
  if (!m) return 0;
  if (!kind.namespaced || namespace === null) return m.size;
  return countInNamespace(m, namespace);
}

/** Per-namespace counts per map: a kind's map is replaced when it changes, so unchanged kinds are never recounted. */
const perNamespace = new WeakMap<ReadonlyMap<string, KubeObject>, Map<string, number>>();

export function countInNamespace(m: ReadonlyMap<string, KubeObject>, namespace: string): number {
  let counts = perNamespace.get(m);
  if (!counts) {
    counts = new Map();
    for (const o of m.values()) {
      const ns = o.metadata.namespace ?? '';
      counts.set(ns, (counts.get(ns) ?? 0) + 1);
    }
    perNamespace.set(m, counts);
  }
  return counts.get(namespace) ?? 0;
}

/** Namespace names sorted as kubectl lists them; the selected one is kept even while it is not (yet) listed. */
export function namespaceNames(objects: ObjectsByKind, selected: string | null): string[] {
  const names = new Set<string>();
  for (const o of objects.Namespace?.values() ?? []) if (o.metadata.name) names.add(o.metadata.name);
  if (selected !== null) names.add(selected);
  return [...names].sort();
}

/** The kinds the sidebar shows: those with objects and the current one, or all of them. */
export function visibleKinds<K extends BrowserKind>(kinds: readonly K[], counts: ReadonlyMap<string, number>, current: string, showEmpty: boolean): K[] {
  if (showEmpty) return [...kinds];
  return kinds.filter((k) => k.kind === current || (counts.get(k.kind) ?? 0) > 0);
}
