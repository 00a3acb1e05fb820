/**
 * `kubectl cordon|uncordon|drain`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/drain
 * and pkg/drain: spec.unschedulable patches, then evictions through
 * pods/eviction with upstream's filters (DaemonSet pods, emptyDir data,
 * unmanaged pods, mirror pods) and output lines.
 */
import type { Command, Ctx } from '../cli/command';
import { check, KubectlError, responseErrorText } from '../cli/errors';
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, req } from '../cli/common';
import { resolveType, type ApiResource } from '../discovery/resources';
import { waitDeleted } from '../cli/waitDeleted';

type Node = { metadata: { name: string }; spec?: { unschedulable?: boolean } };

async function nodesOf(ctx: Ctx, verb: string): Promise<{ r: ApiResource; nodes: Node[] }> {
  const f = ctx.flags;
  const d = await ctx.discovery();
  const r = resolveType(d, 'nodes');
  if (f.args.length === 0 && !f.string('selector')) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  if (f.string('selector')) {
    const list = check(await ctx.client.request(req(r, 'list', { query: { labelSelector: f.string('selector') } }))).body as { items: Node[] };
    return { r, nodes: list.items };
  }
  const nodes: Node[] = [];
  for (const a of f.args) {
    const name = a.startsWith('node/') ? a.slice(5) : a.startsWith('nodes/') ? a.slice(6) : a;
    nodes.push(check(await ctx.client.request(req(r, 'get', { name }))).body as Node);
  }
  return { r, nodes };
}

async function setUnschedulable(ctx: Ctx, r: ApiResource, n: Node, value: boolean): Promise<void> {
  const dry = dryRunOf(ctx);
  const already = (n.spec?.unschedulable ?? false) === value;
  if (already) {
    ctx.out(`node/${n.metadata.name} already ${value ? 'cordoned' : 'uncordoned'}${dryRunSuffix(dry)}\n`);
    return;
  }
  if (dry !== 'client') {
    const p = await ctx.client.request(req(r, 'patch', { name: n.metadata.name, contentType: 'application/strategic-merge-patch+json', body: { spec: { unschedulable: value ? true : null } }, query: { fieldManager: 'kubectl-cordon', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
    if (p.status >= 300) throw new KubectlError(responseErrorText(p));
  }
  ctx.out(`node/${n.metadata.name} ${value ? 'cordoned' : 'uncordoned'}${dryRunSuffix(dry)}\n`);
}

const nodeFlags = [DRY_RUN_FLAG, { name: 'selector', short: 'l', type: 'string' as const }];

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  completeArgs: 'nodes',
  flags: nodeFlags,
  async run(ctx) {
    const { r, nodes } = await nodesOf(ctx, 'cordon');
    for (const n of nodes) await setUnschedulable(ctx, r, n, true);
  },
};

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  completeArgs: 'nodes',
  flags: nodeFlags,
  async run(ctx) {
    const { r, nodes } = await nodesOf(ctx, 'uncordon');
    for (const n of nodes) await setUnschedulable(ctx, r, n, false);
  },
};

type Pod = { metadata: { name: string; namespace: string; uid?: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string; controller?: boolean }[]; deletionTimestamp?: string }; spec?: { volumes?: { emptyDir?: unknown }[] }; status?: { phase?: string } };

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  completeArgs: 'nodes',
  flags: [
    ...nodeFlags,
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'pod-selector', type: 'string' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const dry = dryRunOf(ctx);
    const { r, nodes } = await nodesOf(ctx, 'drain');
    const d = await ctx.discovery();
    const podsRes = resolveType(d, 'pods');
    for (const n of nodes) {
      await setUnschedulable(ctx, r, n, true);
      const query: Record<string, string> = { fieldSelector: `spec.nodeName=${n.metadata.name}` };
      if (f.string('pod-selector')) query.labelSelector = f.string('pod-selector');
      const pods = (check(await ctx.client.request(req(podsRes, 'list', { query }))).body as { items: Pod[] }).items;
      // pkg/drain/filters.go: which pods block the drain, which are skipped with a warning.
      const errors: { reason: string; pods: string[] }[] = [];
      const warnings: { reason: string; pods: string[] }[] = [];
      const add = (list: typeof errors, reason: string, p: Pod) => {
        const e = list.find((x) => x.reason === reason) ?? (list.push({ reason, pods: [] }), list[list.length - 1]);
        e.pods.push(`${p.metadata.namespace}/${p.metadata.name}`);
      };
      const evict: Pod[] = [];
      for (const p of pods) {
        if (p.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
        const finished = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
        const controller = p.metadata.ownerReferences?.find((o) => o.controller);
        if (controller?.kind === 'DaemonSet') {
          if (!f.bool('ignore-daemonsets')) add(errors, 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', p);
          else add(warnings, 'ignoring DaemonSet-managed Pods', p);
          continue;
        }
        if (!controller && !finished) {
          if (!f.bool('force')) {
            add(errors, 'cannot delete Pods that declare no controller (use --force to override)', p);
            continue;
          }
          add(warnings, 'deleting Pods that declare no controller', p);
        }
        if (!finished && (p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
          if (!f.bool('delete-emptydir-data')) {
            add(errors, 'Pods with local storage (use --delete-emptydir-data to override)', p);
            continue;
          }
        }
        evict.push(p);
      }
      if (errors.length) {
        // pkg/drain/filters.go errors(): "cannot delete <reason>: pods", aggregated
        // (upstream walks a map, so with several reasons its order varies; ours is stable).
        const errs = errors.map((e) => `cannot delete ${e.reason}: ${e.pods.join(', ')}`);
        const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
        throw new KubectlError(`error: unable to drain node "${n.metadata.name}" due to error: ${agg}, continuing command...\nThere are pending nodes to be drained:\n ${n.metadata.name}\n${errs.join('\n')}`);
      }
      if (warnings.length) ctx.err(`Warning: ${[...warnings].sort((a, b) => (a.reason < b.reason ? -1 : 1)).map((w) => `${w.reason}: ${w.pods.join(', ')}`).join('; ')}\n`);
      for (const p of evict) {
        ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${dry === 'none' ? '' : dryRunSuffix(dry)}\n`);
      }
      if (dry === 'client') {
        ctx.out(`node/${n.metadata.name} drained (dry run)\n`);
        continue;
      }
      const pending: Pod[] = [];
      for (const p of evict) {
        const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: p.metadata.name, namespace: p.metadata.namespace } };
        if (f.int('grace-period') >= 0) body.deleteOptions = { gracePeriodSeconds: f.int('grace-period') };
        const e = f.bool('disable-eviction')
          ? await ctx.client.request(req(podsRes, 'delete', { namespace: p.metadata.namespace, name: p.metadata.name, body: body.deleteOptions ?? {} }))
          : await ctx.client.request(req(podsRes, 'create', { namespace: p.metadata.namespace, name: p.metadata.name, subresource: 'eviction', body, query: dry === 'server' ? { dryRun: 'All' } : {} }));
        if (e.status === 429) {
          ctx.err(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${(e.body as { message?: string }).message ?? ''}\n`);
          continue;
        }
        if (e.status >= 300 && e.status !== 404) throw new KubectlError(responseErrorText(e));
        pending.push(p);
      }
      for (const p of pending) {
        if (dry === 'none' && !(await waitDeleted(ctx, podsRes, p.metadata.namespace, p.metadata.name, p.metadata.uid))) return;
        ctx.out(`pod/${p.metadata.name} evicted\n`);
      }
      ctx.out(`node/${n.metadata.name} drained${dryRunSuffix(dry)}\n`);
    }
  },
};
