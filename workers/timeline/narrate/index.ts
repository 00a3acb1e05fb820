/** One narrator per component; the generic one for the rest and whenever a narrator has nothing to say. */
import { genericNarration } from './generic';
import { narrateAction } from './action';
import { narrateDeployment } from './deployment';
import { narrateReplicaSet } from './replicaset';
import { narrateScheduler } from './scheduler';
import { narrateKubelet } from './kubelet';
import { narrateEndpointSlice } from './endpointslice';
import { narrateNodeLifecycle } from './nodeLifecycle';
import { narrateTaintEviction } from './taintEviction';
import { narrateDaemonSet, narrateJob, narrateStatefulSet } from './workloads';
import { narrateHpa } from './hpa';
import { narrateClusterAutoscaler } from './clusterAutoscaler';
import { narrateVpaRecommender, narrateVpaUpdater } from './vpa';
import type { NarrationContext, Narrator } from './context';

export type { NarrationContext, NarratedWrite } from './context';

const BY_COMPONENT: Record<string, Narrator> = {
  'deployment-controller': narrateDeployment,
  'replicaset-controller': (c) => narrateReplicaSet(c),
  'replicationcontroller-controller': (c) => narrateReplicaSet(c, 'ReplicationController'),
  'kube-scheduler': narrateScheduler,
  'endpointslice-controller': narrateEndpointSlice,
  'node-lifecycle-controller': narrateNodeLifecycle,
  'taint-eviction-controller': narrateTaintEviction,
  'statefulset-controller': narrateStatefulSet,
  'daemonset-controller': narrateDaemonSet,
  'job-controller': narrateJob,
  'horizontal-pod-autoscaler': narrateHpa,
  'cluster-autoscaler': narrateClusterAutoscaler,
  'vpa-recommender': narrateVpaRecommender,
  'vpa-updater': narrateVpaUpdater,
};

export function narrate(ctx: NarrationContext): string {
  if (ctx.entry.source === 'action' && ctx.entry.action) return narrateAction(ctx);
  const c = ctx.entry.component;
  const own: Narrator | undefined = c.startsWith('kubelet/') ? narrateKubelet : BY_COMPONENT[c];
  // Tasks that neither wrote nor decided (leader-election renewals that failed, idle probes) get the generic sentence.
  const said = own !== undefined && (ctx.writes.length > 0 || ctx.detail !== undefined) ? own(ctx) : undefined;
  return said ?? genericNarration(ctx);
}
