/** NodeName (plugins/nodename): a pod naming a node fits only there. */
import type { FilterPlugin } from '../types';
import { unresolvable } from '../status';

export const Name = 'NodeName';
export const ErrReason = "node(s) didn't match the requested node name";

export function New(): FilterPlugin {
  return {
    name: Name,
    events: ['NodeAdd'],
    filter(_state, pod, node) {
      const want = pod.pod.spec?.nodeName;
      if (!want || want === node.name) return null;
      return unresolvable(ErrReason);
    },
  };
}
