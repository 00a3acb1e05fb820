import type { Action } from './types';
import { nodeOf, performChaos, refuseWithoutNode } from './chaosCall';

/** The machine goes away: its kubelet stops and its Node object is deleted. */
export const deleteNode: Action<'deleteNode'> = {
  id: 'deleteNode',
  label: 'Delete node',
  perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('deleteNode', input)!;
    return performChaos(ctx, `Delete ${node}`, { action: 'deleteNode', node }, `Pod garbage collection removes its pods; their controllers create replacements on the other nodes.`);
  },
};
