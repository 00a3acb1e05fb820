import type { Action } from './types';
import { OK, failed } from './types';

/**
 * Shows the whole page as the cluster was at one revision. The clock pauses,
 * as a video does while you scrub; the newest revision is simply live.
 */
export const travelTo: Action<'travelTo'> = {
  id: 'travelTo',
  label: 'View the cluster at a revision',
  async perform(ctx, input) {
    const timeline = ctx.client.timeline;
    if (!timeline) return failed('the timeline is not available');
    const revision = input?.revision;
    if (typeof revision !== 'number' || !Number.isInteger(revision) || revision <= 0) return failed(`not a revision: ${String(revision)}`);
    const info = await timeline.timelineInfo();
    if (!info.ok) return failed(info.status.message ?? 'timeline unavailable', info.status);
    const { revision: latest, compactedRevision } = info.value;
    if (revision > latest) return failed(`revision ${revision} is in the future (the cluster is at ${latest})`);
    if (revision < compactedRevision) return failed(`revision ${revision} has been compacted (history starts at ${compactedRevision})`);
    if (revision < latest && ctx.ui.getState().clockMode.kind !== 'paused') {
      const paused = { kind: 'paused' } as const;
      await ctx.client.setMode(paused);
      ctx.ui.setState({ clockMode: paused });
    }
    ctx.cluster.getState().travelTo({ type: 'scrub', revision, time: input.time ?? Number.NaN, latest });
    return OK;
  },
};
