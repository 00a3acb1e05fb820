/** NodeUnschedulable (plugins/nodeunschedulable): a cordoned node takes only pods tolerating its unschedulable taint. */
import type { FilterPlugin } from '../types';
import { unresolvable } from '../status';
import { tolerationsTolerateTaint } from '../helpers/taints';

export const Name = 'NodeUnschedulable';
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function New(): FilterPlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate'],
    filter(_state, pod, node) {
      if (!node.unschedulable) return null;
      if (tolerationsTolerateTaint(pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return null;
      return unresolvable(ErrReasonUnschedulable);
    },
  };
}
