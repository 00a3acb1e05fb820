import type { Action } from './types';
import { OK, failed } from './types';

/** The speeds the header offers; the clock itself accepts 0.1×–1000×. */
export const SPEEDS = [0.1, 1, 10, 100] as const;
const MIN = 0.1;
const MAX = 1000;

export const setSpeed: Action<'setSpeed'> = {
  id: 'setSpeed',
  label: 'Run at speed',
  shortcuts: [
    { keys: '0', input: { speed: 0.1 } },
    { keys: '1', input: { speed: 1 } },
    { keys: '2', input: { speed: 10 } },
    { keys: '3', input: { speed: 100 } },
  ],
  async perform(ctx, input) {
    const speed = input?.speed;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < MIN || speed > MAX) {
      return failed(`speed must be a number from ${MIN} to ${MAX}, got ${String(speed)}`);
    }
    const mode = { kind: 'realtime', speed } as const;
    await ctx.client.setMode(mode);
    ctx.ui.setState({ clockMode: mode, lastSpeed: speed });
    return OK;
  },
};
