/** `kubectl set image`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go. */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, dryRunOf, dryRunSuffix, req, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { kindPrefix } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';

type Container = { name: string; image?: string };

/** The pod spec inside a workload (polymorphichelpers.UpdatePodSpecForObject). */
function podSpecOf(o: Record<string, unknown>, kind: string): { containers?: Container[]; initContainers?: Container[] } | undefined {
  const spec = o.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec as never;
  if (kind === 'CronJob') return ((spec.jobTemplate as { spec?: { template?: { spec?: unknown } } } | undefined)?.spec?.template?.spec ?? undefined) as never;
  return ((spec.template as { spec?: unknown } | undefined)?.spec ?? undefined) as never;
}

const imageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  completeArgs: 'type-then-names',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, DRY_RUN_FLAG, ...PRINT_FLAGS, { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, { name: 'field-manager', type: 'string', default: 'kubectl-set' }, { name: 'recursive', short: 'R', type: 'bool' }],
  async run(ctx) {
    const f = ctx.flags;
    const format = parseOutput(f.string('output'), false);
    const dry = dryRunOf(ctx);
    const resources: string[] = [];
    const images = new Map<string, string>();
    for (const a of f.args) {
      if (a.includes('=')) {
        const eq = a.indexOf('=');
        images.set(a.slice(0, eq), a.slice(eq + 1));
      } else if (images.size) throw new KubectlError(`error: all resources must be specified before image changes: ${a}`);
      else resources.push(a);
    }
    if (images.size === 0) throw new KubectlError(`error: at least one image update is required\nSee 'kubectl set image -h' for help and examples`);
    if (resources.length === 0 && !f.strings('filename').length) throw new KubectlError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples`);
    const targets = await resolveTargets(ctx, resources, { selector: f.string('selector'), all: f.bool('all'), files: f.strings('filename') });
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format);
    const errors: string[] = [];
    for (const t of targets) {
      const g = await ctx.client.request(req(t.resource, 'get', { namespace: t.namespace, name: t.name }));
      if (g.status !== 200) {
        errors.push(responseErrorText(g));
        continue;
      }
      const obj = withTypeMeta(g.body as Record<string, unknown>, t.resource);
      const spec = podSpecOf(obj, t.resource.kind);
      if (!spec) {
        errors.push(`error: ${kindPrefix(t.resource)}/${t.name} does not have a pod template`);
        continue;
      }
      const patchContainers: Record<string, Container[]> = {};
      let missing: string | undefined;
      for (const [name, image] of images) {
        let found = false;
        for (const field of ['initContainers', 'containers'] as const) {
          for (const c of spec[field] ?? []) {
            if (name === '*' || c.name === name) {
              found = true;
              c.image = image;
              (patchContainers[field] ??= []).push({ name: c.name, image });
            }
          }
        }
        if (!found) missing = name;
      }
      if (missing !== undefined) {
        errors.push(`error: unable to find container named "${missing}"`);
        continue;
      }
      let result = obj;
      if (dry !== 'client') {
        const podPatch: Record<string, unknown> = patchContainers;
        const kind = t.resource.kind;
        const body = kind === 'Pod' ? { spec: podPatch } : kind === 'CronJob' ? { spec: { jobTemplate: { spec: { template: { spec: podPatch } } } } } : { spec: { template: { spec: podPatch } } };
        const p = await ctx.client.request(req(t.resource, 'patch', { namespace: t.namespace, name: t.name, body, contentType: 'application/strategic-merge-patch+json', query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
        if (p.status >= 300) {
          errors.push(responseErrorText(p));
          continue;
        }
        result = withTypeMeta(p.body as Record<string, unknown>, t.resource);
      }
      if (printer) ctx.out(printer.print({ object: result, kindPrefix: kindPrefix(t.resource) }));
      else ctx.out(`${kindPrefix(t.resource)}/${t.name} image updated${dryRunSuffix(dry)}\n`);
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};

export const setCommand: Command = { name: 'set', short: 'Set specific features on objects', subcommands: [imageCommand] };
