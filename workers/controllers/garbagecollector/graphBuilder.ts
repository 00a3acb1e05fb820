/**
 * Turns informer events into dependency graph changes and queues the work
 * they imply (pkg/controller/garbagecollector/graph_builder.go
 * processGraphChanges). Upstream runs this from its own queue; here the
 * bookkeeping is done as the event arrives (it is in-memory only and makes
 * no request), and what needs the API goes to the collector's queues.
 */
import type { KubeObject, OwnerReference } from '../../api/object';
import {
  AbsentOwnerCache,
  beingDeleted,
  FOREGROUND,
  GraphNode,
  hasFinalizer,
  identityFromRef,
  identityOf,
  partitionDependents,
  referencesDiffs,
  sameIdentity,
  startsWaitingForDependentsDeleted,
  startsWaitingForDependentsOrphaned,
  type Identity,
  type RefPair,
} from './graph';

export interface GraphQueues {
  attemptToDelete(n: GraphNode): void;
  /** AddRateLimited on attemptToDelete. */
  attemptToDeleteRateLimited(n: GraphNode): void;
  attemptToOrphan(n: GraphNode): void;
}

export class GraphBuilder {
  readonly uidToNode = new Map<string, GraphNode>();
  readonly absentOwnerCache = new AbsentOwnerCache();

  constructor(private readonly queues: GraphQueues) {}

  node(uid: string): GraphNode | undefined {
    return this.uidToNode.get(uid);
  }

  added(obj: KubeObject): void {
    this.change(undefined, obj);
  }

  updated(old: KubeObject, obj: KubeObject): void {
    this.change(old, obj);
  }

  deleted(obj: KubeObject): void {
    this.remove(identityOf(obj), false);
  }

  /** A delete the collector learnt from the API server (enqueueVirtualDeleteEvent). */
  virtualDelete(identity: Identity): void {
    this.remove(identity, true);
  }

  private change(old: KubeObject | undefined, obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    let existing = this.uidToNode.get(uid);
    if (existing && !existing.observed) existing = this.observe(existing, identityOf(obj));
    const owners = obj.metadata.ownerReferences ?? [];
    if (!existing) {
      const n = new GraphNode(identityOf(obj), false);
      n.owners = owners;
      n.beingDeleted = beingDeleted(obj);
      n.deletingDependents = n.beingDeleted && hasFinalizer(obj, FOREGROUND);
      this.uidToNode.set(uid, n);
      this.addDependentToOwners(n, owners);
      this.processTransitions(old, obj, n);
      return;
    }
    if (existing.owners !== owners) {
      const { added, removed, changed } = referencesDiffs(existing.owners, owners);
      if (added.length || removed.length || changed.length) {
        this.addUnblockedOwnersToDeleteQueue(removed, changed);
        existing.owners = owners;
        this.addDependentToOwners(existing, added);
        this.removeDependentFromOwners(existing, removed);
      }
    }
    if (beingDeleted(obj)) existing.beingDeleted = true;
    this.processTransitions(old, obj, existing);
  }

  /** First informer event for a node known so far only as someone's owner. */
  private observe(existing: GraphNode, observed: Identity): GraphNode {
    let n = existing;
    if (!sameIdentity(observed, existing.identity)) {
      const { nonMatching } = partitionDependents(existing.dependents, observed);
      for (const dep of nonMatching) this.queues.attemptToDelete(dep);
      n = existing.cloneWith(observed);
      this.replace(existing, n);
    }
    n.observed = true;
    return n;
  }

  /** Swap a node for its clone, keeping the owners' dependent sets pointing at the live one. */
  private replace(old: GraphNode, n: GraphNode): void {
    this.uidToNode.set(n.identity.uid, n);
    for (const ref of n.owners) {
      const owner = this.uidToNode.get(ref.uid);
      if (owner?.dependents.delete(old)) owner.dependents.add(n);
    }
  }

  private processTransitions(old: KubeObject | undefined, obj: KubeObject, n: GraphNode): void {
    if (startsWaitingForDependentsOrphaned(old, obj)) {
      this.queues.attemptToOrphan(n);
      return;
    }
    if (startsWaitingForDependentsDeleted(old, obj)) {
      n.deletingDependents = true;
      for (const dep of n.dependents) this.queues.attemptToDelete(dep);
      this.queues.attemptToDelete(n);
    }
  }

  private addDependentToOwners(n: GraphNode, owners: OwnerReference[]): void {
    for (const ref of owners) {
      let owner = this.uidToNode.get(ref.uid);
      if (!owner) {
        // A virtual node: the collector asks the API server whether this owner exists.
        owner = new GraphNode(identityFromRef(ref, n.identity.namespace), true);
        this.uidToNode.set(ref.uid, owner);
        owner.dependents.add(n);
        this.queues.attemptToDelete(owner);
        continue;
      }
      owner.dependents.add(n);
      if (!owner.observed) continue;
      // A namespaced owner in another namespace, or coordinates that disagree
      // with the observed owner: the collector checks whether the dependent is garbage.
      const namespaceMismatch = owner.identity.namespace !== '' && owner.identity.namespace !== n.identity.namespace;
      const coordinatesMismatch = owner.identity.name !== ref.name || owner.identity.kind !== ref.kind;
      if (namespaceMismatch || coordinatesMismatch) this.queues.attemptToDelete(n);
    }
  }

  private removeDependentFromOwners(n: GraphNode, owners: OwnerReference[]): void {
    for (const ref of owners) this.uidToNode.get(ref.uid)?.dependents.delete(n);
  }

  private addUnblockedOwnersToDeleteQueue(removed: OwnerReference[], changed: RefPair[]): void {
    for (const ref of removed) {
      if (ref.blockOwnerDeletion !== true) continue;
      const owner = this.uidToNode.get(ref.uid);
      if (owner) this.queues.attemptToDelete(owner);
    }
    for (const { oldRef, newRef } of changed) {
      if (oldRef.blockOwnerDeletion === true && newRef.blockOwnerDeletion !== true) {
        const owner = this.uidToNode.get(newRef.uid);
        if (owner) this.queues.attemptToDelete(owner);
      }
    }
  }

  private remove(identity: Identity, virtual: boolean): void {
    const existing = this.uidToNode.get(identity.uid);
    if (!existing) return;
    let removeExisting = true;
    if (virtual) {
      if (existing.virtual) {
        // Our virtual node's coordinates are a guess: dependents may name it differently.
        const { matching, nonMatching } = partitionDependents(existing.dependents, identity);
        if (nonMatching.length > 0) {
          removeExisting = false;
          if (matching.length > 0) {
            this.absentOwnerCache.add(identity);
            for (const dep of matching) this.queues.attemptToDelete(dep);
          }
          if (sameIdentity(existing.identity, identity)) {
            const alt = alternateOwnerIdentity(nonMatching, identity);
            if (alt) {
              const replacement = existing.cloneWith(alt);
              this.replace(existing, replacement);
              this.queues.attemptToDeleteRateLimited(replacement);
            }
          }
        }
      } else if (!sameIdentity(existing.identity, identity)) {
        // A real node is never removed on the word of a virtual delete with other coordinates.
        removeExisting = false;
        const { matching } = partitionDependents(existing.dependents, identity);
        if (matching.length > 0) {
          this.absentOwnerCache.add(identity);
          for (const dep of matching) this.queues.attemptToDelete(dep);
        }
      }
    }
    if (!removeExisting) return;
    this.uidToNode.delete(identity.uid);
    this.removeDependentFromOwners(existing, existing.owners);
    if (existing.dependents.size > 0) this.absentOwnerCache.add(identity);
    for (const dep of existing.dependents) this.queues.attemptToDelete(dep);
    for (const ref of existing.owners) {
      const owner = this.uidToNode.get(ref.uid);
      if (owner?.deletingDependents) this.queues.attemptToDelete(owner);
    }
  }
}

/** getAlternateOwnerIdentity: the first other identity a dependent gives this uid. */
function alternateOwnerIdentity(deps: GraphNode[], verified: Identity): Identity | undefined {
  for (const dep of deps) {
    for (const ref of dep.owners) {
      if (ref.uid !== verified.uid) continue;
      const id = identityFromRef(ref, dep.identity.namespace);
      if (!sameIdentity(id, verified)) return id;
    }
  }
  return undefined;
}
