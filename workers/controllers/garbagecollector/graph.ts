/**
 * The garbage collector's dependency graph, built from every watched
 * object's ownerReferences (pkg/controller/garbagecollector/graph.go and
 * graph_builder.go). Owners that have not been seen yet get "virtual" nodes
 * that the collector verifies against the API server.
 */
import type { KubeObject, OwnerReference } from '../../api/object';

/** objectReference in graph.go: owner coordinates plus the namespace. */
export interface Identity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
}

export function identityKey(i: Identity): string {
  return `[${i.apiVersion}/${i.kind}, namespace: ${i.namespace}, name: ${i.name}, uid: ${i.uid}]`;
}

export const sameIdentity = (a: Identity, b: Identity) =>
  a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion && a.namespace === b.namespace;

export function identityOf(obj: KubeObject): Identity {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? '', uid: obj.metadata.uid ?? '', namespace: obj.metadata.namespace ?? '' };
}

/** The identity a dependent's reference gives its owner (in the dependent's namespace). */
export function identityFromRef(ref: OwnerReference, namespace: string): Identity {
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace };
}

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

export class GraphNode {
  readonly dependents = new Set<GraphNode>();
  owners: OwnerReference[] = [];
  /** Seen through an informer (not only named by a dependent). */
  observed: boolean;
  beingDeleted = false;
  deletingDependents = false;

  constructor(
    public identity: Identity,
    readonly virtual: boolean,
  ) {
    this.observed = !virtual;
  }

  /** A copy with the same edges, for replacing a virtual node's identity. */
  cloneWith(identity: Identity): GraphNode {
    const n = new GraphNode(identity, this.virtual);
    for (const d of this.dependents) n.dependents.add(d);
    n.owners = this.owners;
    n.observed = this.observed;
    n.beingDeleted = this.beingDeleted;
    n.deletingDependents = this.deletingDependents;
    return n;
  }

  /** Dependents whose reference to this node has blockOwnerDeletion (node.blockingDependents). */
  blockingDependents(): GraphNode[] {
    const out: GraphNode[] = [];
    for (const dep of this.dependents) {
      for (const ref of dep.owners) {
        if (ref.uid === this.identity.uid && ref.blockOwnerDeletion === true) out.push(dep);
      }
    }
    return out;
  }
}

export const hasFinalizer = (o: KubeObject, f: string) => (o.metadata.finalizers ?? []).includes(f);
export const beingDeleted = (o: KubeObject) => !!o.metadata.deletionTimestamp;

export function startsWaitingForDependentsOrphaned(old: KubeObject | undefined, cur: KubeObject): boolean {
  return deletionStartsWithFinalizer(old, cur, ORPHAN);
}

export function startsWaitingForDependentsDeleted(old: KubeObject | undefined, cur: KubeObject): boolean {
  return deletionStartsWithFinalizer(old, cur, FOREGROUND);
}

function deletionStartsWithFinalizer(old: KubeObject | undefined, cur: KubeObject, f: string): boolean {
  if (!beingDeleted(cur) || !hasFinalizer(cur, f)) return false;
  if (!old) return true;
  return !beingDeleted(old) || !hasFinalizer(old, f);
}

export interface RefPair {
  oldRef: OwnerReference;
  newRef: OwnerReference;
}

/** referencesDiffs: references added, removed and changed, matched by uid. */
export function referencesDiffs(old: OwnerReference[], cur: OwnerReference[]): { added: OwnerReference[]; removed: OwnerReference[]; changed: RefPair[] } {
  const oldByUid = new Map(old.map((r) => [r.uid, r]));
  const added: OwnerReference[] = [];
  const changed: RefPair[] = [];
  for (const r of cur) {
    const o = oldByUid.get(r.uid);
    if (!o) added.push(r);
    else {
      if (!sameRef(o, r)) changed.push({ oldRef: o, newRef: r });
      oldByUid.delete(r.uid);
    }
  }
  return { added, removed: [...oldByUid.values()], changed };
}

function sameRef(a: OwnerReference, b: OwnerReference): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion;
}

/** Dependents that agree with `owner` as an identity, and those that do not (partitionDependents). */
export function partitionDependents(dependents: Iterable<GraphNode>, owner: Identity): { matching: GraphNode[]; nonMatching: GraphNode[] } {
  const matching: GraphNode[] = [];
  const nonMatching: GraphNode[] = [];
  const ownerGroup = groupOf(owner.apiVersion);
  for (const dep of dependents) {
    let found = false;
    for (const ref of dep.owners) {
      if (ref.uid !== owner.uid) continue;
      found = true;
      // A namespaced owner must live in the dependent's namespace; coordinates must agree (group, kind, name).
      const ok = ref.name === owner.name && ref.kind === owner.kind && groupOf(ref.apiVersion) === ownerGroup && (owner.namespace === '' || owner.namespace === dep.identity.namespace);
      (ok ? matching : nonMatching).push(dep);
      break;
    }
    if (!found) nonMatching.push(dep);
  }
  return { matching, nonMatching };
}

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** A bounded set of identities known to be absent (the absentOwnerCache, an LRU of 500 upstream). */
export class AbsentOwnerCache {
  private readonly keys = new Set<string>();
  constructor(private readonly max = 500) {}

  add(i: Identity): void {
    const k = identityKey(i);
    this.keys.delete(k);
    this.keys.add(k);
    if (this.keys.size > this.max) this.keys.delete(this.keys.values().next().value!);
  }

  has(i: Identity): boolean {
    return this.keys.has(identityKey(i));
  }
}
