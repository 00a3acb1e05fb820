/**
 * The namespace controller (pkg/controller/namespace/namespace_controller.go):
 * a namespace with a deletionTimestamp is emptied and finalized. Events wait
 * five seconds before they are processed, so that last-moment creations are
 * seen and cleaned up too.
 */
import { CORE } from '../../client/factory';
import type { Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../context';
import type { Discovery } from '../discovery';
import { NamespacedResourcesDeleter } from './deleter';

export const NAMESPACE_CONTROLLER = 'namespace-controller';
/** namespaceDeletionGracePeriod. */
const DELETION_GRACE_MS = 5_000;

export class NamespaceController {
  private readonly queue: WorkQueue;
  private readonly namespaces: Informer<KubeObject>;
  readonly deleter: NamespacedResourcesDeleter;

  constructor(ctx: ComponentContext, discovery: Discovery) {
    // Exponential failure back-off 5 ms … 60 s (the controller's own rate limiter).
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k), { component: NAMESPACE_CONTROLLER, maxDelayMs: 60_000 });
    this.deleter = new NamespacedResourcesDeleter(ctx.client(NAMESPACE_CONTROLLER), ctx.clock, discovery);
    this.namespaces = ctx.informers.for(CORE('namespaces'));
    this.namespaces.addEventHandler({ add: (ns) => this.enqueue(ns), update: (_o, ns) => this.enqueue(ns) });
  }

  private enqueue(ns: KubeObject): void {
    if (!ns.metadata.deletionTimestamp) return;
    this.queue.addAfter(ns.metadata.name!, DELETION_GRACE_MS);
  }

  private sync(name: string): SyncResult {
    const r = this.deleter.delete(name);
    if (!r) return;
    // Content remains: look again in about half the estimated time.
    if ('remainingSeconds' in r) return { requeueAfter: (Math.floor(r.remainingSeconds / 2) + 1) * 1000 };
    return { error: `deletion of namespace ${name} failed: ${r.error}` };
  }
}

export function startNamespaceController(ctx: ComponentContext, discovery: Discovery): NamespaceController {
  return new NamespaceController(ctx, discovery);
}
