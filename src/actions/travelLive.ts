import type { Action } from './types';
import { OK } from './types';

/** Leaves the past: the page lists and watches the present again. */
export const travelLive: Action<'travelLive'> = {
  id: 'travelLive',
  label: 'Back to live',
  perform(ctx) {
    ctx.cluster.getState().travelTo({ type: 'live' });
    return OK;
  },
};
