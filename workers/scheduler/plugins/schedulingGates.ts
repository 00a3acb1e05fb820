/** SchedulingGates (plugins/schedulinggates): a pod with spec.schedulingGates waits outside the active queue. */
import type { PreEnqueuePlugin } from '../types';
import { unresolvable } from '../status';

export const Name = 'SchedulingGates';

export function New(): PreEnqueuePlugin {
  return {
    name: Name,
    preEnqueue(pod) {
      const gates = pod.pod.spec?.schedulingGates ?? [];
      if (gates.length === 0) return null;
      return unresolvable(`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
    },
  };
}
