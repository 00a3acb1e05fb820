/**
 * The garbage collector (pkg/controller/garbagecollector/garbagecollector.go):
 * watches every deletable resource, keeps the ownerReference graph, and
 * - deletes dependents whose owners are all gone (background cascading),
 * - for an owner deleted in the foreground (`foregroundDeletion` finalizer),
 *   deletes its dependents first and removes the finalizer once no
 *   dependent blocks it (`blockOwnerDeletion`),
 * - for an owner deleted with `orphan`, strips its reference from the
 *   dependents, then removes the finalizer.
 */
import type { KubeObject, OwnerReference } from '../../api/object';
import { parseApiVersion } from '../../api/object';
import type { ResourceType } from '../../api/kinds/types';
import type { ApiResponse } from '../../api/request';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import { preferredResources, supportsAll, type Discovery } from '../discovery';
import { FOREGROUND, GraphNode, hasFinalizer, identityFromRef, identityKey, ORPHAN, type Identity } from './graph';
import { GraphBuilder } from './graphBuilder';
import { deleteOwnerRefsMergePatch, deleteOwnerRefsStrategicPatch, unblockOwnerRefsStrategicPatch, finalizersPatch } from './patches';

export const GARBAGE_COLLECTOR = 'garbage-collector-controller';

/** garbagecollector.DefaultIgnoredResources: events churn and own nothing. */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);
const DELETABLE = ['delete', 'list', 'watch'] as const;
/** retry.DefaultBackoff.Steps for finalizer removal on conflicts. */
const FINALIZER_RETRIES = 5;

type Policy = 'Orphan' | 'Background' | 'Foreground';
type Lookup = { obj: KubeObject } | { notFound: true } | { error: string; final?: boolean };

export class GarbageCollector {
  readonly graph: GraphBuilder;
  private readonly api: ApiCall;
  private readonly deleteQueue: WorkQueue;
  private readonly orphanQueue: WorkQueue;
  private readonly monitored = new Set<string>();
  private resyncPending = false;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly discovery: Discovery,
  ) {
    this.api = ctx.client(GARBAGE_COLLECTOR);
    // Mirrors the controller-manager's default rate limiter for both queues (5 ms … 1000 s).
    this.deleteQueue = new WorkQueue(ctx.clock, (k) => this.attemptToDeleteWorker(k), { component: GARBAGE_COLLECTOR, what: 'attempt to delete' });
    this.orphanQueue = new WorkQueue(ctx.clock, (k) => this.attemptToOrphanWorker(k), { component: GARBAGE_COLLECTOR, what: 'orphan dependents' });
    this.graph = new GraphBuilder({
      attemptToDelete: (n) => this.deleteQueue.add(keyOfNode(n)),
      attemptToDeleteRateLimited: (n) => this.deleteQueue.addRateLimited(keyOfNode(n)),
      attemptToOrphan: (n) => this.orphanQueue.add(keyOfNode(n)),
    });
    this.syncMonitors(false);
    // New kinds (CRDs) get monitors too (upstream resyncs discovery every 30 s).
    discovery.onChange(() => {
      if (this.resyncPending) return;
      this.resyncPending = true;
      ctx.clock.schedule(0, { component: GARBAGE_COLLECTOR, key: 'monitors', what: 'resync monitors' }, () => {
        this.resyncPending = false;
        this.syncMonitors(true);
      });
    });
  }

  /** Resources with a monitor (`group/resource`). */
  monitoredResources(): string[] {
    return [...this.monitored];
  }

  private syncMonitors(start: boolean): void {
    for (const rt of preferredResources(this.discovery)) {
      const gr = `${rt.group}/${rt.plural}`;
      if (this.monitored.has(gr) || IGNORED.has(gr) || !supportsAll(rt, DELETABLE)) continue;
      this.monitored.add(gr);
      const inf = this.ctx.informers.for({ group: rt.group, version: rt.version, resource: rt.plural });
      inf.addEventHandler({
        add: (o) => this.graph.added(o),
        update: (old, o) => this.graph.updated(old, o),
        delete: (o) => this.graph.deleted(o),
      });
      if (start) inf.start();
    }
  }

  private attemptToDeleteWorker(key: string): SyncResult {
    const n = this.graph.node(uidOfKey(key));
    if (!n) return;
    const r = this.attemptToDeleteItem(n);
    if (r === 'virtual-delete' || r === 'final') return;
    if (r) return { error: r };
    // A virtual node confirmed to exist waits for its informer event (issue 56121).
    if (!n.observed) return { error: `item ${identityKey(n.identity)} hasn't been observed via informer yet` };
  }

  /** attemptToDeleteItem: undefined when done, else an error to retry or a marker. */
  private attemptToDeleteItem(item: GraphNode): string | 'virtual-delete' | 'final' | undefined {
    // Being deleted is a one-way trip: its dependents are handled when it is gone.
    if (item.beingDeleted && !item.deletingDependents) return undefined;
    const latest = this.getObject(item.identity);
    if ('error' in latest) return latest.final ? 'final' : latest.error;
    if ('notFound' in latest || latest.obj.metadata.uid !== item.identity.uid) {
      this.graph.virtualDelete(item.identity);
      return 'virtual-delete';
    }
    if (item.deletingDependents) return this.processDeletingDependentsItem(item);
    const refs = latest.obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return undefined;
    const c = this.classifyReferences(item, refs);
    if ('error' in c) return c.final ? 'final' : c.error;
    const { solid, dangling, waiting } = c;
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return undefined;
      // Drop references to owners that are gone or waiting on us, or those owners stay stuck.
      const uids = [...dangling, ...waiting].map((r) => r.uid);
      return this.patchOwnerRefs(item, deleteOwnerRefsStrategicPatch(item.identity.uid, uids), (o) => deleteOwnerRefsMergePatch(o, uids));
    }
    if (waiting.length > 0 && item.dependents.size > 0) {
      for (const dep of item.dependents) {
        if (!dep.deletingDependents) continue;
        // A cycle of foreground deletions: stop blocking our owners so it can unwind.
        const err = this.patchOwnerRefs(item, unblockOwnerRefsStrategicPatch(latest.obj), null);
        if (err) return err;
        break;
      }
      return this.deleteObject(item.identity, 'Foreground');
    }
    const policy: Policy = hasFinalizer(latest.obj, ORPHAN) ? 'Orphan' : hasFinalizer(latest.obj, FOREGROUND) ? 'Foreground' : 'Background';
    return this.deleteObject(item.identity, policy);
  }

  private processDeletingDependentsItem(item: GraphNode): string | undefined {
    const blocking = item.blockingDependents();
    if (blocking.length === 0) return this.removeFinalizer(item, FOREGROUND);
    for (const dep of blocking) if (!dep.deletingDependents) this.deleteQueue.add(keyOfNode(dep));
    return undefined;
  }

  private classifyReferences(
    item: GraphNode,
    refs: OwnerReference[],
  ): { solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[] } | { error: string; final?: boolean } {
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const d = this.isDangling(ref, item);
      if ('error' in d) return d;
      if (d.dangling) dangling.push(ref);
      else if (d.owner.metadata.deletionTimestamp && hasFinalizer(d.owner, FOREGROUND)) waiting.push(ref);
      else solid.push(ref);
    }
    return { solid, dangling, waiting };
  }

  private isDangling(ref: OwnerReference, item: GraphNode): { dangling: true } | { dangling: false; owner: KubeObject } | { error: string; final?: boolean } {
    const clusterId = identityFromRef(ref, '');
    if (this.graph.absentOwnerCache.has(clusterId)) return { dangling: true };
    const nsId = identityFromRef(ref, item.identity.namespace);
    if (this.graph.absentOwnerCache.has(nsId)) return { dangling: true };
    const rt = this.resourceFor(ref.apiVersion, ref.kind);
    if (!rt) return { error: restMappingError(ref.apiVersion, ref.kind) };
    if (item.identity.namespace === '' && rt.namespaced) {
      // A cluster-scoped object cannot have a namespaced owner; retrying will not help.
      return { error: 'cluster-scoped objects cannot refer to namespaced owners', final: true };
    }
    const absentId = rt.namespaced ? nsId : clusterId;
    const r = this.get(rt, rt.namespaced ? item.identity.namespace : undefined, ref.name);
    const err = apiError(r);
    if (isNotFound(err) || (!err && (r.body as KubeObject).metadata.uid !== ref.uid)) {
      this.graph.absentOwnerCache.add(absentId);
      return { dangling: true };
    }
    if (err) return { error: err.message };
    return { dangling: false, owner: r.body as KubeObject };
  }

  private resourceFor(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = parseApiVersion(apiVersion);
    return this.discovery.lookupKind(group, version, kind);
  }

  private get(rt: ResourceType, namespace: string | undefined, name: string): ApiResponse {
    return this.api({ verb: 'get', group: rt.group, version: rt.version, resource: rt.plural, namespace, name });
  }

  private getObject(id: Identity): Lookup {
    const rt = this.resourceFor(id.apiVersion, id.kind);
    if (!rt) return { error: restMappingError(id.apiVersion, id.kind) };
    if (rt.namespaced && id.namespace === '') return { error: 'cluster-scoped objects cannot refer to namespaced owners', final: true };
    const r = this.get(rt, rt.namespaced ? id.namespace : undefined, id.name);
    const err = apiError(r);
    if (isNotFound(err)) return { notFound: true };
    if (err) return { error: err.message };
    return { obj: r.body as KubeObject };
  }

  private deleteObject(id: Identity, policy: Policy): string | undefined {
    const rt = this.resourceFor(id.apiVersion, id.kind);
    if (!rt) return restMappingError(id.apiVersion, id.kind);
    const r = this.api({
      verb: 'delete',
      group: rt.group,
      version: rt.version,
      resource: rt.plural,
      namespace: rt.namespaced ? id.namespace : undefined,
      name: id.name,
      body: { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: id.uid }, propagationPolicy: policy },
    });
    return apiError(r)?.message;
  }

  /**
   * Patch a dependent's ownerReferences: a strategic merge patch where the
   * kind has one, else a JSON merge patch of the whole list (gc.patch).
   */
  private patchOwnerRefs(item: GraphNode, strategic: unknown, merge: ((o: KubeObject) => unknown) | null): string | undefined {
    const id = item.identity;
    const rt = this.resourceFor(id.apiVersion, id.kind);
    if (!rt) return restMappingError(id.apiVersion, id.kind);
    const target = { group: rt.group, version: rt.version, resource: rt.plural, namespace: rt.namespaced ? id.namespace : undefined, name: id.name };
    let r = this.api({ verb: 'patch', ...target, contentType: 'application/strategic-merge-patch+json', body: strategic });
    if (r.status === 415 && merge) {
      const cur = this.getObject(id);
      if ('notFound' in cur) return undefined;
      if ('error' in cur) return cur.error;
      r = this.api({ verb: 'patch', ...target, contentType: 'application/merge-patch+json', body: merge(cur.obj) });
    }
    const err = apiError(r);
    return err && !isNotFound(err) ? err.message : undefined;
  }

  private removeFinalizer(owner: GraphNode, finalizer: string): string | undefined {
    for (let i = 0; i < FINALIZER_RETRIES; i++) {
      const cur = this.getObject(owner.identity);
      if ('notFound' in cur) return undefined;
      if ('error' in cur) return `cannot finalize owner ${identityKey(owner.identity)}, because cannot get it: ${cur.error}. The garbage collector will retry later`;
      const finalizers = cur.obj.metadata.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return undefined;
      const rt = this.resourceFor(owner.identity.apiVersion, owner.identity.kind)!;
      const r = this.api({
        verb: 'patch',
        group: rt.group,
        version: rt.version,
        resource: rt.plural,
        namespace: rt.namespaced ? owner.identity.namespace : undefined,
        name: owner.identity.name,
        contentType: 'application/merge-patch+json',
        body: finalizersPatch(cur.obj, finalizers.filter((f) => f !== finalizer)),
      });
      const err = apiError(r);
      if (!err || isNotFound(err)) return undefined;
      if (err.reason !== 'Conflict') return err.message;
    }
    return `updateMaxRetries(${FINALIZER_RETRIES}) has reached. The garbage collector will retry later for owner ${identityKey(owner.identity)}`;
  }

  private attemptToOrphanWorker(key: string): SyncResult {
    const owner = this.graph.node(uidOfKey(key));
    if (!owner) return;
    const errs: string[] = [];
    for (const dep of [...owner.dependents]) {
      const uids = [owner.identity.uid];
      const err = this.patchOwnerRefs(dep, deleteOwnerRefsStrategicPatch(dep.identity.uid, uids), (o) => deleteOwnerRefsMergePatch(o, uids));
      if (err) errs.push(`orphaning ${identityKey(dep.identity)} failed, ${err}`);
    }
    if (errs.length) return { error: `orphanDependents for ${identityKey(owner.identity)} failed with ${errs.join('; ')}` };
    const err = this.removeFinalizer(owner, ORPHAN);
    if (err) return { error: `removeOrphanFinalizer for ${identityKey(owner.identity)} failed with ${err}` };
  }
}

/** Queue keys name the object for the timeline and end with its uid. */
function keyOfNode(n: GraphNode): string {
  const { kind, namespace, name, uid } = n.identity;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name} ${uid}`;
}

function uidOfKey(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** restMappingError.Error(). */
function restMappingError(apiVersion: string, kind: string): string {
  const { version } = parseApiVersion(apiVersion);
  return `unable to get REST mapping for ${version}/${kind}.`;
}

export function startGarbageCollector(ctx: ComponentContext, discovery: Discovery): GarbageCollector {
  return new GarbageCollector(ctx, discovery);
}
