import { runStep } from '../timeline/runStep';
import type { Action } from './types';
import { failed } from './types';

/** Runs tasks until one object (by default the selection) is written. */
export const stepUntilChanged: Action<'stepUntilChanged'> = {
  id: 'stepUntilChanged',
  label: 'Step until the selected object changes',
  shortcuts: [{ keys: 'u', input: undefined }],
  perform(ctx, input) {
    const object = input === undefined ? ctx.cluster.getState().selected?.uid : input.object;
    if (typeof object !== 'string' || object === '') return failed(input === undefined ? 'select an object first' : 'stepUntilChanged needs {object}');
    return runStep(ctx, { kind: 'object', object });
  },
};
