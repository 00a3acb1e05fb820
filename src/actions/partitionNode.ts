import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** Cuts the node off the network: its kubelet cannot reach the API server, traffic to its pods is dropped. */
export const partitionNode: Action<'partitionNode'> = {
  id: 'partitionNode',
  label: 'Partition from network',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('partitionNode', input)!;
    return performChaos(ctx, `Partition ${node}`, { action: 'partitionNode', node }, `Its containers keep running, but its lease stops: ${node} turns Unknown after 40 s and Services stop sending it traffic.`);
  },
};
