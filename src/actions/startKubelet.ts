import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** Starts the node's kubelet again: it renews its lease and the node turns Ready. */
export const startKubelet: Action<'startKubelet'> = {
  id: 'startKubelet',
  label: 'Start kubelet',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('startKubelet', input)!;
    return performChaos(ctx, `Start kubelet on ${node}`, { action: 'startKubelet', node }, `${node} renews its lease and reports Ready within 10 s.`);
  },
};
