/**
 * The kube-controller-manager's lifecycle controllers, started together:
 * garbage collector, namespace, node lifecycle, taint eviction, pod GC,
 * disruption, and the control plane's leader election Leases.
 */
import type { ComponentContext } from './context';
import type { Discovery } from './discovery';
import { startGarbageCollector, type GarbageCollector } from './garbagecollector/garbageCollector';
import { startNamespaceController, type NamespaceController } from './namespace/namespaceController';
import { startNodeLifecycleController, type NodeLifecycleController } from './nodelifecycle/nodeLifecycleController';
import { startTaintEvictionController, type TaintEvictionController } from './nodelifecycle/taintEviction';
import { startPodGCController, type PodGCController } from './podgc/podGC';
import { startDisruptionController, type DisruptionController } from './disruption/disruptionController';
import { startLeaderElection, type LeaderElector } from './leaderelection';

export interface LifecycleControllers {
  garbageCollector: GarbageCollector;
  namespace: NamespaceController;
  nodeLifecycle?: NodeLifecycleController;
  taintEviction: TaintEvictionController;
  podGC: PodGCController;
  disruption: DisruptionController;
  leaderElection: { controllerManager: LeaderElector; scheduler: LeaderElector };
}

export interface LifecycleOptions {
  /**
   * Run the node lifecycle controller. It needs kubelets renewing their
   * Leases: without them every node goes Unknown after 40 s and gets the
   * unreachable NoSchedule taint.
   */
  nodeLifecycle?: boolean;
}

/** Start them all; call before `informers.start()`. `discovery` is the API server's kinds registry. */
export function startLifecycleControllers(ctx: ComponentContext, discovery: Discovery, opts: LifecycleOptions = {}): LifecycleControllers {
  return {
    garbageCollector: startGarbageCollector(ctx, discovery),
    namespace: startNamespaceController(ctx, discovery),
    nodeLifecycle: opts.nodeLifecycle === false ? undefined : startNodeLifecycleController(ctx),
    taintEviction: startTaintEvictionController(ctx),
    podGC: startPodGCController(ctx),
    disruption: startDisruptionController(ctx, discovery),
    leaderElection: startLeaderElection(ctx),
  };
}
