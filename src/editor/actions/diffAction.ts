/**
 * Diff: what an apply would change, as `kubectl diff --server-side` shows it.
 * Every object goes to the server as a dry run; the result is set beside the
 * live object (managedFields left out, Secret values masked as kubectl does).
 */
import { stringify } from 'yaml';
import { dryRunAll, getRequest, planTargets, rejectedOutcome, targetName, type DryRunResult } from './plan';
import type { ActionOutcome, DiffResult, EditorAction, ResultLine } from './types';

export const diffAction: EditorAction = {
  name: 'diff',
  label: 'Diff',
  description: 'Dry-run the apply on the server and compare the result with the live objects',
  shortcut: 'Ctrl+Shift+Enter',
  async perform(ctx): Promise<ActionOutcome> {
    const plan = await planTargets('diff', ctx);
    if (!plan.ok) return plan.outcome;
    const { results: dry, failures } = await dryRunAll(ctx, plan.targets);
    if (failures.length) return rejectedOutcome('diff', failures, plan.source, plan.targets.length);

    const sections: Array<{ live: string; merged: string }> = [];
    const results: ResultLine[] = [];
    let create = 0;
    let change = 0;
    let same = 0;
    for (const d of dry) {
      const liveRes = await ctx.request(getRequest(d.target));
      const live = liveRes.status === 200 ? forDiff(liveRes.body) : null;
      const merged = afterApply(d);
      const [liveShown, mergedShown] = d.target.mapping.kind === 'Secret' && d.target.mapping.group === '' ? maskSecrets(live, merged) : [live, merged];
      const header = `# ${targetName(d.target)}\n`;
      const liveText = liveShown ? stringify(liveShown) : '';
      const mergedText = stringify(mergedShown);
      sections.push({ live: header + liveText, merged: header + mergedText });
      if (!live) {
        create++;
        results.push({ tone: 'ok', text: `${targetName(d.target)} would be created${d.awaitsNamespace ? ' (its namespace is created first)' : ''}` });
      } else if (liveText === mergedText) {
        same++;
        results.push({ tone: 'info', text: `${targetName(d.target)} unchanged` });
      } else {
        change++;
        results.push({ tone: 'ok', text: `${targetName(d.target)} would be configured` });
      }
    }
    const diff: DiffResult = {
      live: sections.map((s) => s.live).join('---\n'),
      merged: sections.map((s) => s.merged).join('---\n'),
      summary: `${create} to create, ${change} to change, ${same} unchanged`,
      changed: create + change > 0,
    };
    // The diff view shows the summary itself; a notice only when there is nothing to look at.
    const outcome: ActionOutcome = { action: 'diff', ok: true, problems: [], results, diff };
    if (!diff.changed) outcome.notice = { tone: 'info', title: 'No changes', message: 'The cluster already matches this manifest.' };
    return outcome;
  },
};

/** The dry run's answer; for an object whose namespace does not exist yet, the manifest as written. */
function afterApply(d: DryRunResult): Record<string, unknown> {
  if (d.awaitsNamespace) return forDiff(d.target.obj.object) ?? {};
  return forDiff(d.response.body) ?? {};
}

/** The object as kubectl diff prints it: without managedFields. */
export function forDiff(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const obj = body as Record<string, unknown>;
  const meta = obj.metadata as Record<string, unknown> | undefined;
  if (!meta || !('managedFields' in meta)) return obj;
  const { managedFields: _dropped, ...rest } = meta;
  return { ...obj, metadata: rest };
}

/** Mirrors kubectl's diff Masker (pkg/cmd/diff/diff.go): values hidden, changes still visible. */
export function maskSecrets(
  live: Record<string, unknown> | null,
  merged: Record<string, unknown>,
): [Record<string, unknown> | null, Record<string, unknown>] {
  const fields = ['data', 'stringData'];
  const liveOut = live ? { ...live } : null;
  const mergedOut = { ...merged };
  for (const f of fields) {
    const before = (live?.[f] ?? {}) as Record<string, unknown>;
    const after = (merged[f] ?? {}) as Record<string, unknown>;
    const maskedBefore: Record<string, string> = {};
    const maskedAfter: Record<string, string> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const changed = before[k] !== after[k];
      if (k in before) maskedBefore[k] = changed ? '*** (before)' : '***';
      if (k in after) maskedAfter[k] = changed ? '*** (after)' : '***';
    }
    if (liveOut && f in liveOut) liveOut[f] = maskedBefore;
    if (f in mergedOut) mergedOut[f] = maskedAfter;
  }
  return [liveOut, mergedOut];
}
