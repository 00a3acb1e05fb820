/**
 * `kubectl autoscale TYPE NAME --max=N [--min=N] [--cpu-percent=N] [--name=X]`.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go (v1.32):
 * the HPA is built and created as autoscaling/v1 (kubectl 1.32 uses the v1
 * client), one per target that has a scale subresource.
 */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, dryRunOf, dryRunSuffix, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { groupVersion } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';

/** Kinds kubectl's scale-kind resolver finds a /scale for (the ones kubectl's help names). */
const SCALABLE = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers']);

export function hpaObject(o: { name: string; target: { apiVersion: string; kind: string; name: string }; min: number; max: number; cpuPercent: number }): Record<string, unknown> {
  const spec: Record<string, unknown> = { maxReplicas: o.max };
  if (o.min > 0) spec.minReplicas = o.min;
  spec.scaleTargetRef = { apiVersion: o.target.apiVersion, kind: o.target.kind, name: o.target.name };
  if (o.cpuPercent >= 0) spec.targetCPUUtilizationPercentage = o.cpuPercent;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { creationTimestamp: null, name: o.name },
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

export const autoscaleCommand: Command = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'min', type: 'int', default: -1 },
    { name: 'max', type: 'int', default: -1 },
    { name: 'cpu-percent', type: 'int', default: -1 },
    { name: 'name', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-autoscale' },
    { name: 'save-config', type: 'bool' },
    { name: 'record', type: 'bool', hidden: true },
    FILENAME_FLAG,
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const dry = dryRunOf(ctx);
    const format = parseOutput(f.string('output'), false);
    if (!f.changed('max')) throw new KubectlError('error: required flag(s) "max" not set');
    const min = f.int('min');
    const max = f.int('max');
    if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    if (f.args.length === 0 && f.strings('filename').length === 0) {
      throw new KubectlError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    const targets = await resolveTargets(ctx, f.args, { files: f.strings('filename') });
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format, f.bool('show-managed-fields'));
    let count = 0;
    for (const t of targets) {
      const r = t.resource;
      if (!SCALABLE.has(`${r.group}/${r.resource}`) && !r.subresources.includes('scale')) {
        throw new KubectlError(`error: cannot autoscale a ${r.kind}: could not find scale subresource for ${r.group}/${r.version}, Resource=${r.resource} in discovery information`);
      }
      // The builder reads each named object first: a missing one fails here.
      if (!t.object) {
        const g = await ctx.client.request({ verb: 'get', group: r.group, version: r.version, resource: r.resource, namespace: t.namespace, name: t.name });
        if (g.status !== 200) throw new KubectlError(responseErrorText(g));
      }
      const hpa = hpaObject({ name: f.string('name') || t.name, target: { apiVersion: groupVersion(r), kind: r.kind, name: t.name }, min, max, cpuPercent: f.int('cpu-percent') });
      count++;
      if (dry === 'client') {
        if (printer) ctx.out(printer.print({ object: hpa, kindPrefix: 'horizontalpodautoscaler.autoscaling' }));
        else ctx.out(`horizontalpodautoscaler.autoscaling/${(hpa.metadata as { name: string }).name} created (dry run)\n`);
        continue;
      }
      const { status: _s, ...body } = hpa;
      (body.metadata as Record<string, unknown>).creationTimestamp = undefined;
      const res = await ctx.client.request({
        verb: 'create',
        group: 'autoscaling',
        version: 'v1',
        resource: 'horizontalpodautoscalers',
        namespace: ctx.namespace,
        body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
        query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) },
      });
      if (res.status >= 300) throw new KubectlError(responseErrorText(res));
      const created = withTypeMeta(res.body as Record<string, unknown>, { group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler' });
      if (printer) ctx.out(printer.print({ object: created, kindPrefix: 'horizontalpodautoscaler.autoscaling' }));
      else ctx.out(`horizontalpodautoscaler.autoscaling/${(created.metadata as { name: string }).name} autoscaled${dryRunSuffix(dry)}\n`);
    }
    if (count === 0) throw new KubectlError('error: no objects passed to autoscale');
  },
};
