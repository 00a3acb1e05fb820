import type { Action } from './types';
import { OK } from './types';

/** Stops virtual time: no controller, scheduler or kubelet task runs until resumed. */
export const pause: Action<'pause'> = {
  id: 'pause',
  label: 'Pause',
  async perform(ctx) {
    const mode = { kind: 'paused' } as const;
    await ctx.client.setMode(mode);
    ctx.ui.setState({ clockMode: mode });
    return OK;
  },
};
