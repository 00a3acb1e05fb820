import { pushToast } from '../app/toasts';
import type { KubeObject } from '../../workers/api/object';
import { asDrainPods, planDrain } from '../chaos/drainPlan';
import type { Action } from './types';
import { OK, failed } from './types';
import { nodeOf, refuseInPast, refuseWithoutNode, statusMessage } from './chaosCall';
import { setUnschedulable } from './nodeSchedulable';

/**
 * `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data` (plus
 * `--force` when asked): cordon, then evict every pod through the eviction
 * API, which honours PodDisruptionBudgets. One pass: pods a budget protects
 * now are reported, not retried.
 */
export const drainNode: Action<'drainNode'> = {
  id: 'drainNode',
  label: 'Drain',
  async perform(ctx, input) {
    const node = nodeOf(input);
    if (!node) return refuseWithoutNode('drainNode', input)!;
    const past = refuseInPast(ctx);
    if (past) return past;
    const force = input.force === true;
    const fail = (message: string, status?: unknown) => {
      pushToast(ctx.ui, { tone: 'error', title: `Drain ${node} failed`, message });
      return failed(message, status);
    };
    const cordon = await setUnschedulable(ctx, node, true);
    if (!cordon.ok) return fail(cordon.message, cordon.status);
    const list = await ctx.client.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', query: { fieldSelector: `spec.nodeName=${node}` } });
    if (list.status !== 200) return fail(statusMessage(list.body, list.status), list.body);
    const plan = planDrain(asDrainPods((list.body as { items?: KubeObject[] }).items ?? []), { force, ignoreDaemonSets: true, deleteEmptyDirData: true });
    if (plan.errors.length) return fail(`${cordon.message}; unable to drain node "${node}": ${plan.errors.join('; ')}`);
    const evicted: string[] = [];
    const blocked: string[] = [];
    for (const p of plan.evict) {
      const { name, namespace } = p.metadata;
      const r = await ctx.client.request({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace,
        name,
        subresource: 'eviction',
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } },
      });
      if (r.status === 201 || r.status === 200) evicted.push(`pod/${name}`);
      else if (r.status === 404) continue;
      else blocked.push(`${namespace}/${name}: ${statusMessage(r.body, r.status)}`);
    }
    const lines = [...plan.warnings.map((w) => `Warning: ${w}`)];
    lines.push(evicted.length ? `evicted ${evicted.join(', ')}` : 'no pods to evict');
    if (blocked.length) {
      lines.push(`not evicted: ${blocked.join('; ')}`);
      pushToast(ctx.ui, { tone: 'error', title: `${cordon.message}, not fully drained`, message: lines.join('\n') });
      return failed(`not evicted: ${blocked.join('; ')}`);
    }
    pushToast(ctx.ui, { tone: 'ok', title: `node/${node} drained`, message: lines.join('\n') });
    return OK;
  },
};
