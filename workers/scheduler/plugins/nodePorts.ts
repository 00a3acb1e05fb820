/** NodePorts (plugins/nodeports): a pod's host ports must be free on the node. */
import type { FilterPlugin, PreFilterPlugin } from '../types';
import { SKIP, unschedulable } from '../status';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

export function New(): PreFilterPlugin & FilterPlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'AssignedPodDelete'],
    preFilter(_state, pod) {
      // Upstream skips only pods with no container ports at all.
      return { status: pod.containerPortCount === 0 ? SKIP : null };
    },
    filter(_state, pod, node) {
      for (const hp of pod.hostPorts) if (node.portConflicts(hp.ip, hp.protocol, hp.port)) return unschedulable(ErrReason);
      return null;
    },
  };
}
