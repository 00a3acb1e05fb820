/**
 * `kubectl delete`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go:
 * `kind "name" deleted` per object, errors collected and printed last, then
 * (with --wait, the default) waiting until each object is gone.
 */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, FILENAME_FLAG, SELECTOR_FLAG, ALL_NAMESPACES_FLAG, OUTPUT_FLAG, req } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { kindPrefix } from '../discovery/resources';
import { waitDeleted } from '../cli/waitDeleted';

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'all', type: 'bool' },
    ALL_NAMESPACES_FLAG,
    SELECTOR_FLAG,
    FILENAME_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'raw', type: 'string' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const files = f.strings('filename');
    if (f.args.length === 0 && !files.length) throw new KubectlError(NO_RESOURCES);
    if (f.bool('all') && f.string('selector')) throw new KubectlError(`error: setting 'all' parameter but found a non empty selector. `);
    let grace = f.int('grace-period');
    if (f.bool('now')) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (f.bool('force') && grace < 0) grace = 0;
    if (f.bool('force') && grace === 0) ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    const cascade = f.string('cascade');
    const policy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : cascade === 'background' || cascade === 'true' ? 'Background' : undefined;
    if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
    const dry = dryRunOf(ctx);
    const typeOnly = !files.length && f.args.length === 1 && !f.args[0].includes('/');
    if (typeOnly && !f.bool('all') && !f.string('selector') && !f.string('field-selector')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const targets = await resolveTargets(ctx, f.args, { selector: f.string('selector'), all: f.bool('all'), allNamespaces: f.bool('all-namespaces'), files });
    if (targets.length === 0) {
      ctx.out('No resources found\n');
      return;
    }
    const errors: string[] = [];
    const deleted: { t: (typeof targets)[number]; uid?: string }[] = [];
    const body: Record<string, unknown> = { propagationPolicy: policy };
    if (grace >= 0) body.gracePeriodSeconds = grace;
    for (const t of targets) {
      const r = t.resource;
      if (dry === 'client') {
        const g = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }));
        if (g.status !== 200) {
          if (!(f.bool('ignore-not-found') && g.status === 404)) errors.push(responseErrorText(g));
          continue;
        }
        ctx.out(`${kindPrefix(r)} "${t.name}" deleted (dry run)\n`);
        continue;
      }
      const res = await ctx.client.request(req(r, 'delete', { namespace: t.namespace, name: t.name, body, query: dry === 'server' ? { dryRun: 'All' } : {} }));
      if (res.status >= 300) {
        if (!(f.bool('ignore-not-found') && res.status === 404)) errors.push(responseErrorText(res));
        continue;
      }
      const uid = (res.body as { metadata?: { uid?: string }; details?: { uid?: string } }).metadata?.uid ?? (res.body as { details?: { uid?: string } }).details?.uid;
      if (f.string('output') === 'name') ctx.out(`${kindPrefix(r)}/${t.name}\n`);
      else ctx.out(`${kindPrefix(r)} "${t.name}" deleted${dryRunSuffix(dry)}\n`);
      deleted.push({ t, uid });
    }
    if (f.bool('wait') && dry === 'none') {
      for (const { t, uid } of deleted) {
        if (!(await waitDeleted(ctx, t.resource, t.namespace, t.name, uid))) break;
      }
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};
