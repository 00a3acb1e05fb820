/**
 * The pod garbage collector (pkg/controller/podgc/gc_controller.go): every
 * 20 s it force-deletes
 * - terminated pods above --terminated-pod-gc-threshold (12500), oldest first,
 * - terminating pods on not-ready nodes with the out-of-service taint,
 * - pods bound to nodes that are gone (after 40 s of quarantine, checked
 *   against the API server), with a DisruptionTarget condition,
 * - terminating pods that were never scheduled.
 * Each is first marked Failed (server-side apply as "PodGC") so that a pod
 * nobody runs any more does not stay Running forever.
 */
import { CORE } from '../../client/factory';
import type { Informer } from '../../client/informer';
import type { KubeObject } from '../../api/object';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';

export const POD_GC = 'pod-garbage-collector';
const FIELD_MANAGER = 'PodGC';
const GC_CHECK_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;
export const DEFAULT_TERMINATED_POD_THRESHOLD = 12_500;

type Pod = KubeObject & {
  spec?: { nodeName?: string };
  status?: { phase?: string; reason?: string };
};
type Node = KubeObject & { spec?: { taints?: { key: string; effect: string }[] }; status?: { conditions?: { type: string; status: string }[] } };

interface PodCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

export interface PodGCOptions {
  terminatedPodThreshold?: number;
}

const isTerminated = (p: Pod) => {
  const phase = p.status?.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
};

/** eviction.PodIsEvicted: Failed with reason Evicted. */
const isEvicted = (p: Pod) => p.status?.phase === 'Failed' && p.status?.reason === 'Evicted';

/** byEvictionAndCreationTimestamp: evicted first, then oldest, then by name. */
function byEvictionAndCreation(a: Pod, b: Pod): number {
  const ea = isEvicted(a);
  const eb = isEvicted(b);
  if (ea !== eb) return ea ? -1 : 1;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta === tb) return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  return Date.parse(ta) - Date.parse(tb);
}

export class PodGCController {
  private readonly api: ApiCall;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  /** Nodes seen missing, and when their quarantine ends (a delaying queue). */
  private readonly quarantine = new Map<string, number>();
  private readonly threshold: number;

  constructor(
    private readonly ctx: ComponentContext,
    opts: PodGCOptions = {},
  ) {
    this.threshold = opts.terminatedPodThreshold ?? DEFAULT_TERMINATED_POD_THRESHOLD;
    this.api = ctx.client(POD_GC);
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.nodes = ctx.informers.for<Node>(CORE('nodes'));
    this.scheduleGC();
  }

  private scheduleGC(): void {
    this.ctx.clock.schedule(GC_CHECK_PERIOD_MS, { component: POD_GC, key: 'pods', what: 'gc' }, () => {
      this.gc();
      this.scheduleGC();
    });
  }

  gc(): void {
    const pods = this.pods.list();
    const nodes = this.nodes.list();
    if (this.threshold > 0) this.gcTerminated(pods);
    this.gcTerminating(pods);
    this.gcOrphaned(pods, nodes);
    this.gcUnscheduledTerminating(pods);
  }

  private gcTerminated(pods: Pod[]): void {
    const terminated = pods.filter(isTerminated);
    const n = terminated.length - this.threshold;
    if (n <= 0) return;
    terminated.sort(byEvictionAndCreation);
    for (const p of terminated.slice(0, n)) this.markFailedAndDelete(p);
  }

  /** Terminating pods stuck on a node marked out of service. */
  private gcTerminating(pods: Pod[]): void {
    const stuck: Pod[] = [];
    for (const p of pods) {
      if (!p.metadata.deletionTimestamp) continue;
      const node = this.nodes.get(undefined, p.spec?.nodeName ?? '');
      if (!node) continue;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      const outOfService = (node.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/out-of-service');
      if (!ready && outOfService) stuck.push(p);
    }
    stuck.sort(byEvictionAndCreation);
    for (const p of stuck) this.markFailedAndDelete(p);
  }

  private gcOrphaned(pods: Pod[], nodes: Node[]): void {
    const existing = new Set(nodes.map((n) => n.metadata.name!));
    const now = this.ctx.clock.now();
    for (const p of pods) {
      const node = p.spec?.nodeName;
      if (node && !existing.has(node) && !this.quarantine.has(node)) this.quarantine.set(node, now + QUARANTINE_MS);
    }
    const deleted = new Set<string>();
    for (const [node, readyAt] of [...this.quarantine]) {
      if (readyAt > now) continue;
      this.quarantine.delete(node);
      if (existing.has(node)) continue;
      // Confirm with the API server before believing the cache.
      const r = this.api({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: node });
      if (isNotFound(apiError(r))) deleted.add(node);
    }
    if (deleted.size === 0) return;
    const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };
    for (const p of pods) if (deleted.has(p.spec?.nodeName ?? '')) this.markFailedAndDelete(p, condition);
  }

  private gcUnscheduledTerminating(pods: Pod[]): void {
    for (const p of pods) {
      if (!p.metadata.deletionTimestamp || p.spec?.nodeName) continue;
      this.markFailedAndDelete(p);
    }
  }

  /** markFailedAndDeletePodWithCondition. */
  private markFailedAndDelete(pod: Pod, condition?: PodCondition): string | undefined {
    const { namespace, name } = pod.metadata;
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const status: Record<string, unknown> = { phase: 'Failed' };
      if (condition) status.conditions = [{ ...condition, lastTransitionTime: this.ctx.clock.timestamp() }];
      const r = this.api({
        verb: 'patch',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace,
        name,
        subresource: 'status',
        contentType: 'application/apply-patch+yaml',
        query: { fieldManager: FIELD_MANAGER, force: 'true' },
        body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, status },
      });
      const err = apiError(r);
      if (err) return err.message;
    }
    const d = this.api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace, name, body: { gracePeriodSeconds: 0 } });
    const err = apiError(d);
    return err && !isNotFound(err) ? err.message : undefined;
  }
}

export function startPodGCController(ctx: ComponentContext, opts?: PodGCOptions): PodGCController {
  return new PodGCController(ctx, opts);
}
