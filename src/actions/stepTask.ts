import { runStep } from '../timeline/runStep';
import type { Action } from './types';

/** Runs exactly one task of the cluster's event loop (pausing the clock first) and says what it did. */
export const stepTask: Action<'stepTask'> = {
  id: 'stepTask',
  label: 'Step one task',
  shortcuts: [
    { keys: '.', input: undefined },
    { keys: 'ArrowRight', input: undefined },
  ],
  perform: (ctx) => runStep(ctx, { kind: 'task' }),
};
