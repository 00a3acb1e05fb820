import type { Action } from './types';
import { pause } from './pause';
import { resume } from './resume';

/** One key for both, as media players do. */
export const togglePause: Action<'togglePause'> = {
  id: 'togglePause',
  label: 'Pause or resume',
  shortcuts: [{ keys: 'Space', input: undefined }],
  perform(ctx) {
    return ctx.ui.getState().clockMode.kind === 'paused' ? resume.perform(ctx, undefined) : pause.perform(ctx, undefined);
  },
};
