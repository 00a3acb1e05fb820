/** vpa-recommender and vpa-updater: the recommendations written, and the pods evicted to apply them. */
import type { RecommenderDecision } from '../../autoscaler/vpa/recommender';
import type { UpdaterDecision } from '../../autoscaler/vpa/updater';
import { listOf, plural, type NarrationContext } from './context';

function decisions<T>(ctx: NarrationContext): T[] | undefined {
  if (ctx.detail?.type !== 'controller') return undefined;
  const list = (ctx.detail.decision as { decisions?: unknown }).decisions;
  return Array.isArray(list) ? (list as T[]) : undefined;
}

const shortName = (key: string) => key.split('/').pop() ?? key;

export function narrateVpaRecommender(ctx: NarrationContext): string | undefined {
  const ds = decisions<RecommenderDecision>(ctx);
  if (!ds?.length) return undefined;
  const each = ds.map((d) => {
    const recs = d.recommendation.map((r) => {
      const band = (res: 'cpu' | 'memory') => {
        const t = r.target?.[res];
        if (t === undefined) return undefined;
        const lo = r.lowerBound?.[res];
        const hi = r.upperBound?.[res];
        return `${res} ${t}${lo !== undefined && hi !== undefined ? ` (${lo}–${hi})` : ''}`;
      };
      return `${r.containerName}: ${[band('cpu'), band('memory')].filter(Boolean).join(', ')}`;
    });
    const from = `${plural(d.pods.length, 'pod')}, ${plural(d.samples, 'sample')}`;
    return `${shortName(d.vpa)} (${from}) → ${recs.length ? listOf(recs, 2) : 'no recommendation yet'}`;
  });
  return `VPA recommender: ${listOf(each, 2)}`;
}

export function narrateVpaUpdater(ctx: NarrationContext): string | undefined {
  const ds = decisions<UpdaterDecision>(ctx);
  if (!ds?.length) return undefined;
  const each = ds.map((d) => {
    const parts: string[] = [];
    if (d.evicted.length) parts.push(`evicted ${listOf(d.evicted)} (requests outside the recommended range)`);
    if (d.skipped.length) parts.push(`left ${listOf(d.skipped.map((s) => `${s.pod}: ${s.why}`), 2)}`);
    return `${shortName(d.vpa)} ${parts.length ? parts.join('; ') : 'pods within the recommended range'}`;
  });
  return `VPA updater: ${listOf(each, 2)}`;
}
