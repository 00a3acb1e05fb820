/** Delete: `kubectl delete -f` for the objects in the editor, in the order written, background cascade. */
import { asStatus, kubectlErrorLine } from '../statusMarkers';
import { deleteRequest, planTargets } from './plan';
import { qualifiedKind } from '../discovery';
import type { ActionOutcome, EditorAction, ResultLine } from './types';

export const deleteAction: EditorAction = {
  name: 'delete',
  label: 'Delete',
  description: 'Delete every object in the editor from the cluster',
  async perform(ctx): Promise<ActionOutcome> {
    const plan = await planTargets('delete', ctx);
    if (!plan.ok) return plan.outcome;
    const results: ResultLine[] = [];
    let deleted = 0;
    let missing = 0;
    for (const t of plan.targets) {
      const res = await ctx.request(deleteRequest(t));
      if (res.status === 200 || res.status === 202) {
        deleted++;
        // kubectl delete prints `deployment.apps "web" deleted`.
        results.push({ tone: 'ok', text: `${qualifiedKind(t.mapping)} "${t.obj.name}" deleted` });
      } else {
        if (res.status === 404) missing++;
        results.push({ tone: res.status === 404 ? 'warn' : 'error', text: kubectlErrorLine(asStatus(res.body, res.status)) });
      }
    }
    const n = plan.targets.length;
    const failed = n - deleted - missing;
    const tone = failed ? 'error' : missing ? 'warn' : 'ok';
    const title = deleted === n ? `Deleted ${n === 1 ? '1 object' : `${n} objects`}` : `Deleted ${deleted} of ${n} objects`;
    const message = results.map((r) => r.text).join('\n');
    return { action: 'delete', ok: failed === 0, problems: [], results, notice: { tone, title, message } };
  },
};
