/** HorizontalPodAutoscaler describer (describe.go describeHorizontalPodAutoscalerV2, V1 fallback). */
import type { HorizontalPodAutoscaler, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import { goQuote } from '../../jsonpath/goValue';
import { quantity } from './containers';
import { describeEvents, refOf, searchEvents } from './events';
import { getObject, tryGet, type DescribeContext } from './fetch';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z, type Json } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefixWriter';

/** (*resource.Quantity).String(): the metric quantities are pointers, nil prints `<nil>`. */
const q = (v: unknown) => (v === undefined || v === null ? '<nil>' : quantity(v).toString());

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies!) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

function describeV2(hpa: HorizontalPodAutoscaler, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec;
    const cur = hpa.status?.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec?.metrics ?? []).forEach((m, i) => {
      const c = cur[i];
      switch (m.type) {
        case 'External': {
          const e = m.external!;
          if (e.target.averageValue !== undefined) {
            const current = c?.external?.current?.averageValue !== undefined ? q(c.external.current.averageValue) : '<unknown>';
            w.write(LEVEL_1, `${goQuote(e.metric.name)} (target average value):\t${current} / ${q(e.target.averageValue)}\n`);
          } else {
            const current = c?.external ? q(c.external.current.value) : '<unknown>';
            w.write(LEVEL_1, `${goQuote(e.metric.name)} (target value):\t${current} / ${q(e.target.value)}\n`);
          }
          break;
        }
        case 'Pods': {
          const current = c?.pods ? q(c.pods.current.averageValue) : '<unknown>';
          w.write(LEVEL_1, `${goQuote(m.pods!.metric.name)} on pods:\t${current} / ${q(m.pods!.target.averageValue)}\n`);
          break;
        }
        case 'Object': {
          const o = m.object!;
          w.write(LEVEL_1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
          if (o.target.type === 'AverageValue') {
            const current = c?.object ? q(c.object.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `(target average value):\t${current} / ${q(o.target.averageValue)}\n`);
          } else {
            const current = c?.object ? q(c.object.current.value) : '<unknown>';
            w.write(LEVEL_0, `(target value):\t${current} / ${q(o.target.value)}\n`);
          }
          break;
        }
        case 'Resource':
        case 'ContainerResource': {
          const isContainer = m.type === 'ContainerResource';
          const r = isContainer ? m.containerResource! : m.resource!;
          const cr = isContainer ? c?.containerResource : c?.resource;
          if (isContainer) w.write(LEVEL_1, `resource ${r.name} of container "${m.containerResource!.container}" on pods`);
          else w.write(LEVEL_1, `resource ${r.name} on pods`);
          if (r.target.averageValue !== undefined) {
            const current = cr ? q(cr.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `:\t${current} / ${q(r.target.averageValue)}\n`);
          } else {
            const current = cr && cr.current.averageUtilization !== undefined && cr.current.averageUtilization !== null ? `${cr.current.averageUtilization}% (${q(cr.current.averageValue)})` : '<unknown>';
            const target = r.target.averageUtilization !== undefined && r.target.averageUtilization !== null ? `${r.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
          }
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type ${goQuote(m.type)}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conds = hpa.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

interface HpaV1 {
  metadata?: HorizontalPodAutoscaler['metadata'];
  spec?: { scaleTargetRef?: { kind?: string; name?: string }; minReplicas?: number; maxReplicas?: number; targetCPUUtilizationPercentage?: number };
  status?: { currentReplicas?: number; desiredReplicas?: number; currentCPUUtilizationPercentage?: number };
}

function describeV1(hpa: HpaV1, events: Json[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec;
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}\n`);
    if (spec?.targetCPUUtilizationPercentage !== undefined) {
      w.write(LEVEL_0, `Target CPU utilization:\t${spec.targetCPUUtilizationPercentage}%\n`);
      w.write(LEVEL_0, `Current CPU utilization:\t${hpa.status?.currentCPUUtilizationPercentage ?? '<unknown>'}%\n`);
    }
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    w.write(LEVEL_0, `${spec?.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    if (events) describeEvents(events, w, now);
  });
}

export async function describeHorizontalPodAutoscaler(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const v2 = await tryGet(ctx, { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' }, namespace, name);
  if ('object' in v2) {
    const events = ctx.showEvents ? await searchEvents(ctx, refOf(v2.object, 'HorizontalPodAutoscaler')) : undefined;
    return describeV2(v2.object as unknown as HorizontalPodAutoscaler, events, ctx.now);
  }
  const v1 = await getObject(ctx, { group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers' }, namespace, name);
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(v1, 'HorizontalPodAutoscaler')) : undefined;
  return describeV1(v1 as unknown as HpaV1, events, ctx.now);
}
