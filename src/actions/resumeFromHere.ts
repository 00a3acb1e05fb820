import { shortHash } from '../timeline/model/sessionFile';
import type { Action } from './types';
import { OK, failed } from './types';

/**
 * Fork: the worker rebuilds the cluster up to the viewed revision and swaps it
 * in, paused; what happened after that revision is dropped. Its open watches
 * end with 410 "cluster replaced", and the page goes live on the new cluster.
 */
export const resumeFromHere: Action<'resumeFromHere'> = {
  id: 'resumeFromHere',
  label: 'Resume from here',
  async perform(ctx, input) {
    const timeline = ctx.client.timeline;
    if (!timeline) return failed('the timeline is not available');
    const view = ctx.cluster.getState().travel.view;
    const revision = input?.revision ?? (view.mode === 'past' ? view.revision : undefined);
    if (typeof revision !== 'number' || !Number.isInteger(revision) || revision <= 0) {
      return failed(input === undefined ? 'scrub to a past revision first' : `not a revision: ${String(revision)}`);
    }
    const r = await timeline.fork(revision);
    if (!r.ok) return failed(r.status.message ?? `fork failed (${r.status.code})`, r.status);
    ctx.ui.setState({ clockMode: { kind: 'paused' } });
    const cluster = ctx.cluster.getState();
    cluster.travelTo({ type: 'replaced' });
    const prev = cluster.narration;
    cluster.setNarration({
      text: `Resumed from revision ${r.value.revision}: the cluster continues from there (paused); the later history was dropped. History hash ${shortHash(r.value.historyHash)}.`,
      time: Number.NaN,
      ran: 0,
      seq: (prev?.seq ?? 0) + 1,
      entries: [],
      history: { hash: r.value.historyHash },
    });
    return OK;
  },
};
