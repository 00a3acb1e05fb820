import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** The node's kubelet process stops: containers keep running, but nothing reports for the node. */
export const stopKubelet: Action<'stopKubelet'> = {
  id: 'stopKubelet',
  label: 'Stop kubelet',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('stopKubelet', input)!;
    return performChaos(ctx, `Stop kubelet on ${node}`, { action: 'stopKubelet', node }, `Without lease renewals ${node} turns NotReady (Unknown) after 40 s; its pods are evicted after 5 min and replaced elsewhere.`);
  },
};
