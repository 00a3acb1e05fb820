/**
 * Deletes everything in a terminating namespace, then removes the
 * `kubernetes` finalizer through namespaces/{name}/finalize
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go).
 * Reads and writes go to the API server, as upstream's dynamic client does.
 */
import type { KubeObject } from '../../api/object';
import type { ResourceType } from '../../api/kinds/types';
import type { Clock } from '../../clock/clock';
import type { ApiCall } from '../context';
import { apiError, isNotFound, type ApiError } from '../replicaset/apiError';
import { groupResource, preferredResources, supportsAll, verbsOf, type Discovery } from '../discovery';
import { failureConditions, mergeConditions, type ContentTotals, type NamespaceCondition } from './conditions';

export const FINALIZER_KUBERNETES = 'kubernetes';
/** Assumed seconds for finalizers on remaining items to finish. */
const FINALIZER_ESTIMATE_SECONDS = 15;

export type DeleteOutcome = undefined | { remainingSeconds: number } | { error: string };

interface GvrResult {
  estimate: number;
  remaining: number;
  finalizers: Map<string, number>;
  error?: string;
}

type NamespaceObj = KubeObject & { spec?: { finalizers?: string[] }; status?: { phase?: string; conditions?: NamespaceCondition[] } };

export class NamespacedResourcesDeleter {
  /** Operations a resource turned out not to support (operationNotSupportedCache). */
  private readonly unsupported = new Set<string>();

  constructor(
    private readonly api: ApiCall,
    private readonly clock: Clock,
    private readonly discovery: Discovery,
  ) {}

  /** Delete: undefined when done (or nothing to do), else wait or retry. */
  delete(name: string): DeleteOutcome {
    const got = this.getNamespace(name);
    if (got === null) return undefined;
    if ('error' in got) return got;
    let ns = got.ns;
    if (!ns.metadata.deletionTimestamp) return undefined;
    const st = this.ensureTerminating(ns);
    if (st === null) return undefined;
    if ('error' in st) return st;
    ns = st.ns;
    if (!ns.metadata.deletionTimestamp) return undefined;
    if ((ns.spec?.finalizers ?? []).length === 0) return undefined;

    const { estimate, error } = this.deleteAllContent(ns);
    if (error) return { error };
    if (estimate > 0) return { remainingSeconds: estimate };
    return this.finalize(ns);
  }

  private getNamespace(name: string): { ns: NamespaceObj } | null | { error: string } {
    const r = this.api({ verb: 'get', group: '', version: 'v1', resource: 'namespaces', name });
    const err = apiError(r);
    if (isNotFound(err)) return null;
    if (err) return { error: err.message };
    return { ns: r.body as NamespaceObj };
  }

  /** updateNamespaceStatusFunc under retryOnConflictError. */
  private ensureTerminating(ns: NamespaceObj): { ns: NamespaceObj } | null | { error: string } {
    let cur = ns;
    for (;;) {
      if (!cur.metadata.deletionTimestamp || cur.status?.phase === 'Terminating') return { ns: cur };
      const body = { ...cur, status: { ...(cur.status ?? {}), phase: 'Terminating' } };
      const r = this.api({ verb: 'update', group: '', version: 'v1', resource: 'namespaces', name: cur.metadata.name, subresource: 'status', body });
      const err = apiError(r);
      if (!err) return { ns: r.body as NamespaceObj };
      if (isNotFound(err)) return null;
      if (err.reason !== 'Conflict') return { error: err.message };
      const again = this.getNamespace(cur.metadata.name!);
      if (again === null || 'error' in again) return again;
      if (again.ns.metadata.uid !== cur.metadata.uid) return { error: 'namespace uid has changed across retries' };
      cur = again.ns;
    }
  }

  /** finalizeNamespace under retryOnConflictError: drop our token via the finalize subresource. */
  private finalize(ns: NamespaceObj): DeleteOutcome {
    let cur = ns;
    for (;;) {
      const finalizers = [...new Set((cur.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES))].sort();
      const body = { apiVersion: 'v1', kind: 'Namespace', metadata: cur.metadata, spec: { ...(cur.spec ?? {}), finalizers } };
      const r = this.api({ verb: 'update', group: '', version: 'v1', resource: 'namespaces', name: cur.metadata.name, subresource: 'finalize', body });
      const err = apiError(r);
      if (!err || isNotFound(err)) return undefined;
      if (err.reason !== 'Conflict') return { error: err.message };
      const again = this.getNamespace(cur.metadata.name!);
      if (again === null) return undefined;
      if ('error' in again) return again;
      if (again.ns.metadata.uid !== cur.metadata.uid) return { error: 'namespace uid has changed across retries' };
      cur = again.ns;
    }
  }

  /** deleteAllContent: one pass over every namespaced, deletable resource. */
  private deleteAllContent(ns: NamespaceObj): { estimate: number; error?: string } {
    const namespace = ns.metadata.name!;
    const deletedAt = Date.parse(ns.metadata.deletionTimestamp!);
    const totals: ContentTotals = { remainingByResource: new Map(), remainingByFinalizer: new Map(), deleteErrors: [] };
    const errors: string[] = [];
    let estimate = 0;
    const resources = preferredResources(this.discovery).filter((rt) => rt.namespaced && verbsOf(rt).includes('delete'));
    for (const rt of resources) {
      const r = this.deleteAllContentFor(rt, namespace, deletedAt);
      if (r.error) {
        errors.push(r.error);
        totals.deleteErrors.push(r.error);
      }
      estimate = Math.max(estimate, r.estimate);
      if (r.remaining > 0) {
        totals.remainingByResource.set(`${rt.plural}.${rt.group}`, r.remaining);
        for (const [f, n] of r.finalizers) totals.remainingByFinalizer.set(f, (totals.remainingByFinalizer.get(f) ?? 0) + n);
      }
    }
    // Conditions are always brought up to date: "it worked" replaces an earlier failure.
    const now = this.clock.timestamp();
    const conditions = mergeConditions(ns.status?.conditions ?? [], failureConditions(totals, now), now);
    if (conditions) {
      const body = { ...ns, status: { ...(ns.status ?? {}), conditions } };
      // A failed status write is only logged upstream; the next pass tries again.
      this.api({ verb: 'update', group: '', version: 'v1', resource: 'namespaces', name: namespace, subresource: 'status', body });
    }
    return { estimate, error: errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
  }

  private deleteAllContentFor(rt: ResourceType, namespace: string, deletedAt: number): GvrResult {
    const none = new Map<string, number>();
    const est = this.estimateGracefulTermination(rt, namespace, deletedAt);
    if ('error' in est) return { estimate: 0, remaining: 0, finalizers: none, error: est.error };
    const estimate = est.estimate;
    const fail = (error: string): GvrResult => ({ estimate, remaining: 0, finalizers: none, error });
    const dc = this.deleteCollection(rt, namespace);
    if (typeof dc === 'string') return fail(dc);
    if (!dc) {
      const e = this.deleteEachItem(rt, namespace);
      if (e) return fail(e);
    }
    const listed = this.listCollection(rt, namespace);
    if (typeof listed === 'string') return fail(listed);
    if (listed === null || listed.length === 0) return { estimate: listed === null ? estimate : 0, remaining: 0, finalizers: none };
    const finalizers = new Map<string, number>();
    for (const item of listed) for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (estimate !== 0) return { estimate, remaining: listed.length, finalizers };
    // Finalizers are a normal reason to wait; give them a default estimate.
    if (finalizers.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining: listed.length, finalizers };
    return { estimate, remaining: listed.length, finalizers, error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(rt)}` };
  }

  /** Pods get their grace period to terminate (estimateGracefulTerminationForPods). */
  private estimateGracefulTermination(rt: ResourceType, namespace: string, deletedAt: number): { estimate: number } | { error: string } {
    if (rt.group !== '' || rt.plural !== 'pods') return { estimate: 0 };
    const r = this.api({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace });
    const err = apiError(r);
    if (err) return { error: err.message };
    let estimate = 0;
    for (const pod of (r.body as { items: KubeObject[] }).items) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const grace = (pod.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds;
      if (grace !== undefined && grace > estimate) estimate = grace;
    }
    // Time already spent since the namespace's deletion counts against the estimate.
    if (this.clock.now() - deletedAt >= estimate * 1000) estimate = 0;
    return { estimate };
  }

  /** true: done; false: not supported here; string: error. */
  private deleteCollection(rt: ResourceType, namespace: string): boolean | string {
    const key = `deletecollection ${groupResource(rt)}`;
    if (this.unsupported.has(key) || !supportsAll(rt, ['deletecollection'])) return false;
    // Background: the namespace controller purges everything itself, no orphan finalizers wanted.
    const r = this.api({ verb: 'deletecollection', group: rt.group, version: rt.version, resource: rt.plural, namespace, body: { propagationPolicy: 'Background' } });
    const err = apiError(r);
    if (!err) return true;
    if (notSupported(err)) {
      this.unsupported.add(key);
      return false;
    }
    return err.message;
  }

  /** null: list not supported; string: error. */
  private listCollection(rt: ResourceType, namespace: string): KubeObject[] | null | string {
    const key = `list ${groupResource(rt)}`;
    if (this.unsupported.has(key) || !supportsAll(rt, ['list'])) return null;
    const r = this.api({ verb: 'list', group: rt.group, version: rt.version, resource: rt.plural, namespace });
    const err = apiError(r);
    if (!err) return (r.body as { items: KubeObject[] }).items;
    if (notSupported(err)) {
      this.unsupported.add(key);
      return null;
    }
    return err.message;
  }

  private deleteEachItem(rt: ResourceType, namespace: string): string | undefined {
    const items = this.listCollection(rt, namespace);
    if (typeof items === 'string') return items;
    if (items === null) return undefined;
    for (const item of items) {
      const r = this.api({ verb: 'delete', group: rt.group, version: rt.version, resource: rt.plural, namespace, name: item.metadata.name, body: { propagationPolicy: 'Background' } });
      const err = apiError(r);
      if (err && !isNotFound(err) && !notSupported(err)) return err.message;
    }
    return undefined;
  }
}

const notSupported = (e: ApiError) => e.reason === 'MethodNotAllowed' || e.reason === 'NotFound';

/** schema.GroupVersionResource printed with %v. */
function gvrString(rt: ResourceType): string {
  return `${rt.group}/${rt.version}, Resource=${rt.plural}`;
}
