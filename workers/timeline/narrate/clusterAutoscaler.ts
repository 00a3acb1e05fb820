/**
 * cluster-autoscaler: which pods could not be scheduled and what the loop
 * did about them (scale the node group up, or why not), and which nodes it
 * is removing or watching as unneeded.
 */
import type { AutoscalerDecision } from '../../autoscaler/cluster';
import { BOOT_JITTER_MS, BOOT_MIN_MS } from '../../autoscaler/cluster/nodeGroup';
import { listOf, plural, type NarrationContext } from './context';

const pct = (f: number) => `${Math.round(f * 100)}%`;

export function narrateClusterAutoscaler(ctx: NarrationContext): string | undefined {
  const d = ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as AutoscalerDecision) : undefined;
  if (!d) return undefined;
  const parts: string[] = [];
  const up = d.scaleUp;
  if (d.unschedulable.length) {
    const head = `${plural(d.unschedulable.length, 'pod')} unschedulable`;
    if (up?.option) {
      const boot = `boot ${BOOT_MIN_MS / 1000}–${(BOOT_MIN_MS + BOOT_JITTER_MS) / 1000} s`;
      parts.push(`${head} → node group ${up.option.group} ${up.option.currentSize}→${up.option.newSize} (${boot}; max ${up.option.maxSize})`);
    } else if (up?.waiting.length && !up.notTriggered.length) {
      parts.push(`${head}, waiting for nodes that are booting (${listOf(up.waiting)})`);
    } else if (up?.notTriggered.length) {
      const first = up.notTriggered[0];
      parts.push(`${head}; no scale-up for ${plural(up.notTriggered.length, 'pod')}: ${first.reasons}`);
    } else parts.push(head);
  }
  const sd = d.scaleDown;
  if (sd.removing.length) {
    const why = sd.removing.map((n) => {
      const v = sd.considered.find((c) => c.node === n);
      return v ? `${n} (${v.utilization.resource} ${pct(v.utilization.value)} requested${v.podsToMove.length ? `, moving ${plural(v.podsToMove.length, 'pod')}` : ', empty'})` : n;
    });
    parts.push(`removing ${listOf(why)}`);
  } else {
    const unneeded = Object.keys(sd.unneededSince);
    if (unneeded.length) {
      const mins = (n: string) => Math.floor((d.at - sd.unneededSince[n]) / 60_000);
      parts.push(`unneeded: ${listOf(unneeded.map((n) => `${n} for ${mins(n)}m`))} (removed after 10m)${sd.blocked ? `; ${sd.blocked}` : ''}`);
    }
  }
  if (!parts.length) return 'Cluster autoscaler: every pod scheduled, no node unneeded — nothing to do';
  return `Cluster autoscaler: ${parts.join('; ')}`;
}
