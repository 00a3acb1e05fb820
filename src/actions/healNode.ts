import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** Reconnects a partitioned node. */
export const healNode: Action<'healNode'> = {
  id: 'healNode',
  label: 'Heal network partition',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('healNode', input)!;
    return performChaos(ctx, `Heal ${node}`, { action: 'healNode', node }, `The kubelet reaches the API server again and ${node} reports Ready.`);
  },
};
