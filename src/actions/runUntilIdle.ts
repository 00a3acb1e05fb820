import { runStep } from '../timeline/runStep';
import type { Action } from './types';
import { failed } from './types';

/** Runs until nothing but periodic work (leases, node status) is due: "let it settle". */
export const runUntilIdle: Action<'runUntilIdle'> = {
  id: 'runUntilIdle',
  label: 'Run until idle',
  shortcuts: [{ keys: 'Shift+End', input: undefined }],
  perform(ctx, input) {
    if (input === undefined) return runStep(ctx, { kind: 'idle' });
    const max = input.maxVirtualMs;
    if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) return failed('runUntilIdle needs {maxVirtualMs} > 0');
    return runStep(ctx, { kind: 'idle', maxVirtualMs: max });
  },
};
