import type { Action } from './types';
import { performChaos } from './chaosCall';

/** Joins a new worker node; its kubelet registers it. */
export const addNode: Action<'addNode'> = {
  id: 'addNode',
  label: 'Add node',
  perform(ctx) {
    return performChaos(ctx, 'Add node', { action: 'addNode' }, 'Its kubelet registers the Node; the scheduler can use it once it is Ready.');
  },
};
