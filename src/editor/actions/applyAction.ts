/**
 * Apply: server-side apply of every object in the editor, all or nothing.
 * Every object is first sent as a server dry run; only when all pass are they
 * applied for real, in the order written (a Namespace before what goes in it).
 */
import { asStatus, kubectlErrorLine } from '../statusMarkers';
import { applyRequest, dryRunAll, getRequest, planTargets, rejectedOutcome, targetName } from './plan';
import type { ActionOutcome, ApplyInput, EditorAction, ResultLine } from './types';

export const applyAction: EditorAction<ApplyInput> = {
  name: 'apply',
  label: 'Apply',
  description: 'Server-side apply every object to the cluster (nothing is applied unless all pass a dry run)',
  shortcut: 'Ctrl+Enter',
  async perform(ctx, input): Promise<ActionOutcome> {
    const plan = await planTargets('apply', ctx);
    if (!plan.ok) return plan.outcome;
    const force = input.force === true;
    const { failures } = await dryRunAll(ctx, plan.targets, force);
    if (failures.length) return rejectedOutcome('apply', failures, plan.source, plan.targets.length);

    const results: ResultLine[] = [];
    let failed = 0;
    for (const t of plan.targets) {
      const before = await ctx.request(getRequest(t));
      const liveVersion = before.status === 200 ? resourceVersionOf(before.body) : undefined;
      const res = await ctx.request(applyRequest(t, { force }));
      if (res.status === 201) results.push({ tone: 'ok', text: `${targetName(t)} created` });
      else if (res.status === 200) {
        const unchanged = liveVersion !== undefined && resourceVersionOf(res.body) === liveVersion;
        results.push({ tone: unchanged ? 'info' : 'ok', text: `${targetName(t)} ${unchanged ? 'unchanged' : 'configured'}` });
      } else {
        // The cluster moved between the dry run and now; like kubectl, report it and go on with the rest.
        failed++;
        results.push({ tone: 'error', text: kubectlErrorLine(asStatus(res.body, res.status)) });
      }
    }
    const n = plan.targets.length;
    if (failed) {
      return { action: 'apply', ok: false, problems: [], results, notice: { tone: 'error', title: `${failed} of ${n} objects failed`, message: 'The cluster changed after the dry run; see the results below.' } };
    }
    const what = n === 1 ? targetName(plan.targets[0]) : `${n} objects`;
    return { action: 'apply', ok: true, problems: [], results, notice: { tone: 'ok', title: `Applied ${what}`, message: results.map((r) => r.text).join('\n') } };
  },
};

function resourceVersionOf(body: unknown): string | undefined {
  const rv = (body as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
  return typeof rv === 'string' ? rv : undefined;
}
