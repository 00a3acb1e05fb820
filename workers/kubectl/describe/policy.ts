/** PodDisruptionBudget and PriorityClass describers (describe.go). */
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describeEvents, refOf, searchEvents } from './events';
import { getObject, type DescribeContext } from './fetch';
import { formatLabels, formatLabelSelector } from './format';
import { LEVEL_0, LEVEL_2, tabbedString } from './prefixWriter';

export async function describePodDisruptionBudget(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' }, namespace, name);
  const pdb = obj as unknown as PodDisruptionBudget;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'PodDisruptionBudget')) : undefined;
  return tabbedString((w) => {
    const spec = pdb.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pdb.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata?.namespace ?? ''}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describePriorityClass(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const obj = await getObject(ctx, { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' }, undefined, name);
  const pc = obj as unknown as PriorityClass;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'PriorityClass')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? '<nil>'}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}
