/**
 * horizontal-pod-autoscaler: each metric against its target, the count it
 * proposed, and what the limits made of it ("→ 7 replicas (was 1; limited by
 * the scale-up rate: at most 4 Pods per 15 s)").
 */
import type { HPADecision } from '../../controllers/podautoscaler/controller';
import { arr, asObj, num, str, type NarrationContext } from './context';

/** `cpu resource utilization (percentage of request)` → `cpu 305% of request vs target 50%`. */
export function metricPhrase(m: { metric: string; current?: string; target: string; error?: string }): string {
  if (m.error) return `${m.metric}: ${m.error}`;
  const util = /^(\S+) resource utilization \(percentage of request\)$/.exec(m.metric);
  const current = m.current ?? '<unknown>';
  return util ? `${util[1]} ${current} of request vs target ${m.target}` : `${m.metric} ${current} vs target ${m.target}`;
}

/** The HPA object as this entry wrote it, or as the store had it then. */
function hpaObject(ctx: NarrationContext): Record<string, unknown> {
  const own = ctx.writes.find((w) => w.write.resource === 'horizontalpodautoscalers' && w.after);
  if (own) return asObj(own.after);
  const key = `/registry/autoscaling/horizontalpodautoscalers/${ctx.entry.key}`;
  try {
    const rev = ctx.entry.revisions[ctx.entry.revisions.length - 1];
    return asObj((rev ? ctx.store.getAt(key, rev) : ctx.store.get(key))?.value);
  } catch {
    return {};
  }
}

/** Why the count was held back: the rule in words, from the HPA's behavior (or the default limit). */
export function limitPhrase(reason: string, hpa: Record<string, unknown>, current: number): string {
  const spec = asObj(hpa.spec);
  const behavior = asObj(spec.behavior);
  const rules = (dir: 'scaleUp' | 'scaleDown') => {
    const policies = arr(asObj(behavior[dir]).policies)
      .map((p) => `${num(p.value) ?? '?'}${str(p.type) === 'Percent' ? '%' : ` Pod${num(p.value) === 1 ? '' : 's'}`}/${num(p.periodSeconds) ?? '?'} s`);
    return policies.length ? policies.join(' or ') : undefined;
  };
  switch (reason) {
    case 'ScaleUpLimit': {
      const rule = spec.behavior ? rules('scaleUp') : undefined;
      // Without behavior, horizontal.go's scaleUpLimitFactor 2 and scaleUpLimitMinimum 4.
      return rule ? `limited by scale-up policy ${rule}` : `limited by the scale-up rate (at most ${Math.max(2 * current, 4)})`;
    }
    case 'ScaleDownLimit': {
      const rule = rules('scaleDown');
      return rule ? `limited by scale-down policy ${rule}` : 'limited by the scale-down rate';
    }
    case 'TooManyReplicas':
      return `capped at maxReplicas ${num(spec.maxReplicas) ?? '?'}`;
    case 'TooFewReplicas':
      return `raised to minReplicas ${num(spec.minReplicas) ?? 1}`;
    default:
      return reason;
  }
}

export function narrateHpa(ctx: NarrationContext): string | undefined {
  const d = ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as HPADecision) : undefined;
  if (!d) return undefined;
  const name = ctx.entry.key.split('/').pop();
  const metrics = (d.metrics ?? []).map(metricPhrase).join(', ');
  const head = `HPA ${name}: ${metrics || 'no metrics'}`;
  if (d.error && !d.rescale) {
    const [kind, , target] = d.reference.split('/');
    if (d.ableToScale === 'FailedGetScale') return `HPA ${name}: cannot read the scale of ${kind}/${target} (${d.error})`;
    // The metric's own error says what is missing; the decision's wraps it ("invalid metrics (1 invalid out of 1), first error is: …").
    const good = (d.metrics ?? []).filter((m) => !m.error).map(metricPhrase);
    const why = (d.metrics ?? []).find((m) => m.error)?.error ?? d.error;
    return `HPA ${name}: ${good.length ? `${good.join(', ')}; ` : ''}no change — ${why}`;
  }
  const notes: string[] = [];
  if (d.limitedBy) notes.push(limitPhrase(d.limitedBy, hpaObject(ctx), d.currentReplicas));
  if (d.ableToScale === 'ScaleDownStabilized' || d.ableToScale === 'ScaleUpStabilized') {
    notes.push(`${d.ableToScale === 'ScaleDownStabilized' ? 'scale-down' : 'scale-up'} stabilized${d.proposed !== undefined ? `, proposal was ${d.proposed}` : ''}`);
  }
  if (d.rescale) {
    const was = `was ${d.currentReplicas}`;
    return `${head} → ${d.desiredReplicas} replica${d.desiredReplicas === 1 ? '' : 's'} (${[was, ...notes].join('; ')})${d.error ? `; failed: ${d.error}` : ''}`;
  }
  return `${head} → stays at ${d.currentReplicas}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
