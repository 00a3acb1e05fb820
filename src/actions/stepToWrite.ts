import { runStep } from '../timeline/runStep';
import type { Action } from './types';

/** Runs tasks until one writes to the store: the next visible change. */
export const stepToWrite: Action<'stepToWrite'> = {
  id: 'stepToWrite',
  label: 'Step to the next write',
  shortcuts: [
    { keys: 'Shift+ArrowRight', input: undefined },
    { keys: '>', input: undefined },
  ],
  perform: (ctx) => runStep(ctx, { kind: 'write' }),
};
