/**
 * What every stepping action shares: back to live if the page was in the
 * past, one `step` on the worker, the clock shown as paused (stepping pauses
 * it), and the step's sentence put where the header and the timeline show it.
 */
import type { StepRequest } from '../../workers/timeline/types';
import type { ActionContext, ActionResult } from '../actions/types';
import { OK, failed } from '../actions/types';
import { stepNarration } from './model/stepNarration';

export async function runStep(ctx: ActionContext, req: StepRequest): Promise<ActionResult> {
  const timeline = ctx.client.timeline;
  if (!timeline) return failed('the timeline is not available');
  const cluster = ctx.cluster.getState();
  // Stepping moves the present; looking at the past while it does would show neither.
  if (cluster.travel.view.mode === 'past') cluster.travelTo({ type: 'live' });
  const before = ctx.ui.getState().clockMode;
  const r = await timeline.step(req);
  if (before.kind !== 'paused') ctx.ui.setState({ clockMode: { kind: 'paused' } });
  if (!r.ok) return failed(r.status.message ?? `step failed (${r.status.code})`, r.status);
  const prev = ctx.cluster.getState().narration;
  ctx.cluster.getState().setNarration({
    text: stepNarration(req.kind, r.value, r.value.entries[0]?.time),
    time: r.value.now,
    ran: r.value.ran,
    seq: (prev?.seq ?? 0) + 1,
    entries: r.value.entries.map((e) => e.id),
  });
  return OK;
}
