/**
 * Who owns an object and what it owns, from metadata.ownerReferences — the
 * same links the garbage collector follows
 * (pkg/controller/garbagecollector/graph_builder.go).
 */
import type { KubeObject } from '../../../workers/api/object';

export interface RelatedRef {
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
  /** The owner reference is the controlling one (controller: true). */
  controller: boolean;
  /** The object is in the mirror, so it can be selected. */
  found: boolean;
}

export type ObjectsByKind = Readonly<Record<string, ReadonlyMap<string, KubeObject>>>;

interface OwnerReference {
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

function ownerRefs(obj: KubeObject): OwnerReference[] {
  const refs = (obj.metadata as { ownerReferences?: unknown }).ownerReferences;
  return Array.isArray(refs) ? (refs.filter((r) => typeof r === 'object' && r !== null) as OwnerReference[]) : [];
}

function findByUid(objects: ObjectsByKind, kind: string, uid: string): KubeObject | undefined {
  const direct = objects[kind]?.get(uid);
  if (direct) return direct;
  for (const m of Object.values(objects)) {
    const o = m.get(uid);
    if (o) return o;
  }
  return undefined;
}

export function ownersOf(obj: KubeObject, objects: ObjectsByKind): RelatedRef[] {
  return ownerRefs(obj).map((r) => {
    const uid = r.uid ?? '';
    const found = uid !== '' ? findByUid(objects, r.kind ?? '', uid) : undefined;
    return {
      kind: r.kind ?? '',
      name: r.name ?? '',
      // Owners live in the dependent's namespace, or are cluster-scoped.
      namespace: found ? found.metadata.namespace : obj.metadata.namespace,
      uid,
      controller: r.controller === true,
      found: found !== undefined,
    };
  });
}

const byKindThenName = (a: RelatedRef, b: RelatedRef) =>
  a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function dependentsOf(uid: string | undefined, objects: ObjectsByKind): RelatedRef[] {
  if (!uid) return [];
  const out: RelatedRef[] = [];
  for (const [kind, m] of Object.entries(objects)) {
    // Events never own anything, and there are many of them.
    if (kind === 'Event') continue;
    for (const o of m.values()) {
      const ref = ownerRefs(o).find((r) => r.uid === uid);
      if (!ref) continue;
      out.push({
        kind: o.kind ?? kind,
        name: o.metadata.name ?? '',
        namespace: o.metadata.namespace,
        uid: o.metadata.uid ?? '',
        controller: ref.controller === true,
        found: true,
      });
    }
  }
  return out.sort(byKindThenName);
}
