import type { Action } from './types';
import { OK } from './types';

/** Runs virtual time again at the speed it last ran at. */
export const resume: Action<'resume'> = {
  id: 'resume',
  label: 'Resume',
  async perform(ctx) {
    const mode = { kind: 'realtime', speed: ctx.ui.getState().lastSpeed } as const;
    await ctx.client.setMode(mode);
    ctx.ui.setState({ clockMode: mode });
    return OK;
  },
};
