/** statefulset-, daemonset- and job-controller: their sync records in one sentence each. */
import type { StatefulSetDecision } from '../../controllers/statefulset/control';
import type { DaemonSetDecision } from '../../controllers/daemonset/controller';
import type { JobDecision } from '../../controllers/job/controller';
import { asObj, listOf, num, objectWrites, plural, type NarrationContext } from './context';

const decisionOf = <T>(ctx: NarrationContext) => (ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as T) : undefined);
const nameOf = (ctx: NarrationContext) => ctx.entry.key.split('/').pop();

export function narrateStatefulSet(ctx: NarrationContext): string | undefined {
  const d = decisionOf<StatefulSetDecision>(ctx);
  if (!d) return undefined;
  const parts: string[] = [];
  if (d.created.length) parts.push(`creating ${listOf(d.created)}`);
  if (d.deleted.length) parts.push(`deleting ${listOf(d.deleted)}`);
  if (d.waitingFor) parts.push(`waiting for ${d.waitingFor} to be Running and Ready`);
  return `StatefulSet ${nameOf(ctx)}: wants ${d.want}${parts.length ? ` → ${parts.join(', ')}` : ', nothing to do'}`;
}

export function narrateDaemonSet(ctx: NarrationContext): string | undefined {
  const d = decisionOf<DaemonSetDecision>(ctx);
  if (!d) return undefined;
  const parts: string[] = [];
  if (d.created.length) parts.push(`creating ${plural(d.created.length, 'Pod')}`);
  if (d.deleted.length) parts.push(`deleting ${listOf(d.deleted)}`);
  return `DaemonSet ${nameOf(ctx)}: should run on ${plural(d.desired, 'node')}${parts.length ? ` → ${parts.join(', ')}` : ', nothing to do'}`;
}

export function narrateJob(ctx: NarrationContext): string | undefined {
  const d = decisionOf<JobDecision>(ctx);
  if (!d) return undefined;
  const parts: string[] = [];
  if (d.created.length) parts.push(`created ${listOf(d.created)}`);
  if (d.deleted.length) parts.push(`deleted ${listOf(d.deleted)}`);
  if (d.backoffMs) parts.push(`backing off ${Math.round(d.backoffMs / 1000)} s`);
  const job = objectWrites(ctx).find((w) => w.write.resource === 'jobs')?.after;
  const st = asObj(asObj(job).status);
  const done = num(st.succeeded);
  const status = job ? `; ${done ?? 0} succeeded, ${num(st.failed) ?? 0} failed` : '';
  return `Job ${nameOf(ctx)}: ${d.active} active${parts.length ? ` → ${parts.join(', ')}` : ''}${status}`;
}
