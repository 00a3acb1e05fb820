import { describeReplay } from '../timeline/model/sessionFile';
import type { Action } from './types';
import { OK, failed } from './types';

/** Replays an exported session into a new cluster (same seed, same actions at the same points) and shows it live. */
export const openSession: Action<'openSession'> = {
  id: 'openSession',
  label: 'Open session',
  async perform(ctx, input) {
    const timeline = ctx.client.timeline;
    if (!timeline) return failed('the timeline is not available');
    const text = input?.document;
    if (typeof text !== 'string' || text.trim() === '') return failed('openSession needs {document}: the session file text');
    const r = await timeline.importSession(text, { replay: true });
    if (!r.ok) return failed(r.status.message ?? `the session could not be opened (${r.status.code})`, r.status);
    ctx.ui.setState({ clockMode: { kind: 'paused' } });
    const cluster = ctx.cluster.getState();
    cluster.travelTo({ type: 'replaced' });
    const prev = cluster.narration;
    cluster.setNarration({
      text: describeReplay(r.value),
      time: Number.NaN,
      ran: r.value.tasksRun,
      seq: (prev?.seq ?? 0) + 1,
      entries: [],
      history: { hash: r.value.historyHash, matches: r.value.matches },
    });
    return OK;
  },
};
