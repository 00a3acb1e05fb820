/** `kubectl scale`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go. */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, req, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { kindPrefix } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'replicas', type: 'int', default: 0 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'timeout', type: 'string', default: '0s' },
    SELECTOR_FLAG,
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const format = parseOutput(f.string('output'), false);
    if (!f.changed('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
    const replicas = f.int('replicas');
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dry = dryRunOf(ctx);
    if (f.args.length === 0 && !f.strings('filename').length) throw new KubectlError(`error: required resource not specified\nSee 'kubectl scale -h' for help and examples`);
    const targets = await resolveTargets(ctx, f.args, { selector: f.string('selector'), all: f.bool('all'), files: f.strings('filename') });
    if (targets.length === 0) throw new KubectlError('error: no objects passed to scale');
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format);
    const errors: string[] = [];
    for (const t of targets) {
      const r = t.resource;
      if (!['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets'].includes(r.resource) && !r.subresources.includes('scale')) {
        errors.push(`error: no scaler has been implemented for ${JSON.stringify({ Group: r.group, Kind: r.kind })}`);
        continue;
      }
      const cur = f.int('current-replicas');
      if (cur >= 0 || f.string('resource-version')) {
        const s = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name, subresource: 'scale' }));
        if (s.status !== 200) {
          errors.push(responseErrorText(s));
          continue;
        }
        const spec = (s.body as { spec?: { replicas?: number } }).spec;
        if (cur >= 0 && (spec?.replicas ?? 0) !== cur) {
          errors.push(`error: Expected replicas to be ${cur}, was ${spec?.replicas ?? 0}`);
          continue;
        }
      }
      if (dry === 'client') {
        if (printer) {
          const o = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }));
          if (o.status === 200) {
            const obj = withTypeMeta(o.body as Record<string, unknown>, r);
            (obj.spec as Record<string, unknown>).replicas = replicas;
            ctx.out(printer.print({ object: obj, kindPrefix: kindPrefix(r) }));
          }
        } else ctx.out(`${kindPrefix(r)}/${t.name} scaled (dry run)\n`);
        continue;
      }
      const p = await ctx.client.request(
        req(r, 'patch', { namespace: t.namespace, name: t.name, subresource: 'scale', contentType: 'application/merge-patch+json', body: { spec: { replicas } }, query: dry === 'server' ? { dryRun: 'All' } : {} }),
      );
      if (p.status !== 200) {
        errors.push(responseErrorText(p));
        continue;
      }
      if (printer) {
        const o = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }));
        if (o.status === 200) ctx.out(printer.print({ object: withTypeMeta(o.body as Record<string, unknown>, r), kindPrefix: kindPrefix(r) }));
      } else ctx.out(`${kindPrefix(r)}/${t.name} scaled${dryRunSuffix(dry)}\n`);
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};
