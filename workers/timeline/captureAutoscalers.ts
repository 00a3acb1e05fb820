/**
 * The decisions of the autoscalers, for the timeline (capture.ts): the HPA
 * controller keeps one per HPA key; the cluster autoscaler one per loop;
 * the VPA recommender and updater a list per loop (one item per VPA).
 */
import type { Cluster } from '../cluster';
import type { RanTask } from '../clock/clock';

export interface AutoscalerCapture {
  controller: string;
  decision: Record<string, unknown>;
  /** The record the component made, to know when a task made none (the same record seen again). */
  identity: object;
}

export function autoscalerDecision(cluster: Cluster, task: RanTask): AutoscalerCapture | undefined {
  switch (task.component) {
    case 'horizontal-pod-autoscaler': {
      const d = task.what === 'reconcile' ? cluster.controllers.hpa?.lastDecision(task.key) : undefined;
      return d ? { controller: task.component, decision: { ...d }, identity: d } : undefined;
    }
    case 'cluster-autoscaler': {
      const d = task.what === 'autoscale' ? cluster.clusterAutoscaler?.lastDecision() : undefined;
      return d ? { controller: task.component, decision: { ...d }, identity: d } : undefined;
    }
    case 'vpa-recommender':
    case 'vpa-updater': {
      const list = task.component === 'vpa-recommender' ? cluster.vpa?.recommender.lastDecisions() : cluster.vpa?.updater.lastDecisions();
      // Each loop replaces every item; an inactive loop leaves the last loop's first item in place.
      return list?.length ? { controller: task.component, decision: { decisions: [...list] }, identity: list[0] } : undefined;
    }
    default:
      return undefined;
  }
}
