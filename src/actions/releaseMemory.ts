import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** The memory-hungry process on the node exits. */
export const releaseMemory: Action<'releaseMemory'> = {
  id: 'releaseMemory',
  label: 'Release memory',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('releaseMemory', input)!;
    return performChaos(ctx, `Release memory on ${node}`, { action: 'releaseMemory', node }, `MemoryPressure clears after the kubelet's 5 min transition period.`);
  },
};
