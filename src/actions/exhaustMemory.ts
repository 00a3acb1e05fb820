import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** A process on the node eats memory: the kubelet reports MemoryPressure and evicts pods. */
export const exhaustMemory: Action<'exhaustMemory'> = {
  id: 'exhaustMemory',
  label: 'Exhaust memory',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('exhaustMemory', input)!;
    return performChaos(ctx, `Exhaust memory on ${node}`, { action: 'exhaustMemory', node }, `The kubelet reports MemoryPressure (taint node.kubernetes.io/memory-pressure) and evicts a pod every 10 s until memory is released.`);
  },
};
