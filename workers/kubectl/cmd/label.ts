/**
 * `kubectl label` and `kubectl annotate`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/label/label.go and annotate/annotate.go:
 * `key=value` sets, `key-` removes, an existing different value needs
 * --overwrite, "labeled" / "not labeled" / "unlabeled" lines.
 */
import type { Command, Ctx } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, ALL_NAMESPACES_FLAG, req, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { kindPrefix } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';

type Field = 'labels' | 'annotations';

function makeCommand(field: Field): Command {
  const verb = field === 'labels' ? 'label' : 'annotate';
  return {
    name: verb,
    short: field === 'labels' ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    completeArgs: 'type-then-names',
    flags: [
      { name: 'overwrite', type: 'bool' },
      { name: 'all', type: 'bool' },
      ALL_NAMESPACES_FLAG,
      { name: 'list', type: 'bool' },
      { name: 'local', type: 'bool' },
      { name: 'resource-version', type: 'string' },
      { name: 'field-selector', type: 'string' },
      { name: 'field-manager', type: 'string', default: `kubectl-${verb}` },
      SELECTOR_FLAG,
      FILENAME_FLAG,
      DRY_RUN_FLAG,
      ...PRINT_FLAGS,
    ],
    run: (ctx) => run(ctx, field, verb),
  };
}

export const labelCommand = makeCommand('labels');
export const annotateCommand = makeCommand('annotations');

async function run(ctx: Ctx, field: Field, verb: string): Promise<void> {
  const f = ctx.flags;
  const format = parseOutput(f.string('output'), false);
  const dry = dryRunOf(ctx);
  const noun = field === 'labels' ? 'label' : 'annotation';
  // Resource arguments come first, then key=value / key- changes.
  const resources: string[] = [];
  const changes: string[] = [];
  for (const a of f.args) {
    if (a.includes('=') || a.endsWith('-')) changes.push(a);
    else if (changes.length) throw new KubectlError(`error: all resources must be specified before ${noun} changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1 && !f.strings('filename').length) throw new KubectlError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${verb} -h' for help and examples`);
  if (changes.length < 1 && !f.bool('list')) throw new KubectlError(`error: at least one ${noun} update is required\nSee 'kubectl ${verb} -h' for help and examples`);
  if (f.bool('all') && f.string('selector')) throw new KubectlError(`error: cannot set --all and --selector at the same time`);
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) {
      remove.push(c.slice(0, -1));
      continue;
    }
    const eq = c.indexOf('=');
    const key = c.slice(0, eq);
    const value = c.slice(eq + 1);
    if (field === 'labels' && !validLabel(key, value)) throw new KubectlError(`error: invalid label spec: ${c}`);
    if (key === '') throw new KubectlError(`error: invalid ${noun} format: ${c}`);
    set.set(key, value);
  }
  for (const k of remove) if (set.has(k)) throw new KubectlError(`error: can not both modify and remove the following ${noun}(s) in the same command: ${k}`);
  const named = resources.some((r) => r.includes('/')) || resources.length > 1;
  if (!named && !f.bool('all') && !f.string('selector') && !f.strings('filename').length && resources.length === 1) {
    throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
  }
  const targets = await resolveTargets(ctx, resources, { selector: f.string('selector'), all: f.bool('all'), allNamespaces: f.bool('all-namespaces'), files: f.strings('filename') });
  if (targets.length === 0) {
    ctx.err('No resources found\n');
    return;
  }
  const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format);
  const errors: string[] = [];
  for (const t of targets) {
    const r = t.resource;
    let obj = t.object;
    if (!obj) {
      const g = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }));
      if (g.status !== 200) {
        errors.push(responseErrorText(g));
        continue;
      }
      obj = withTypeMeta(g.body as Record<string, unknown>, r);
    }
    const meta = (obj.metadata ?? {}) as Record<string, unknown>;
    const current = { ...((meta[field] as Record<string, string> | undefined) ?? {}) };
    let failed = false;
    if (!f.bool('overwrite')) {
      for (const [k, v] of set) {
        if (k in current && current[k] !== v) {
          errors.push(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
          failed = true;
          break;
        }
      }
    }
    if (failed) continue;
    const next = { ...current };
    const patch: Record<string, string | null> = {};
    for (const k of remove) {
      if (!(k in next)) ctx.out(`${noun} "${k}" not found.\n`);
      else {
        delete next[k];
        patch[k] = null;
      }
    }
    for (const [k, v] of set) {
      next[k] = v;
      if (current[k] !== v) patch[k] = v;
    }
    const changed = Object.keys(patch).length > 0;
    // label.go updateDataChangeMsg: a shorter object without --overwrite reads as "unlabeled".
    const shorter = JSON.stringify(next).length < JSON.stringify(current).length;
    const msg = verb === 'annotate' ? 'annotated' : !changed ? 'not labeled' : !f.bool('overwrite') && shorter ? 'unlabeled' : 'labeled';
    let result: Record<string, unknown> = { ...obj, metadata: { ...meta, [field]: next } };
    if (changed && dry !== 'client') {
      const p = await ctx.client.request(
        req(r, 'patch', {
          namespace: t.namespace,
          name: t.name,
          contentType: 'application/merge-patch+json',
          body: { metadata: { [field]: patch, ...(f.string('resource-version') ? { resourceVersion: f.string('resource-version') } : {}) } },
          query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) },
        }),
      );
      if (p.status !== 200) {
        errors.push(responseErrorText(p));
        continue;
      }
      result = withTypeMeta(p.body as Record<string, unknown>, r);
    }
    if (printer) ctx.out(printer.print({ object: result, kindPrefix: kindPrefix(r) }));
    else ctx.out(`${kindPrefix(r)}/${t.name} ${msg}${dryRunSuffix(dry)}\n`);
  }
  if (errors.length) throw new KubectlError(errors.join('\n'));
}

function validLabel(key: string, value: string): boolean {
  const name = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
  const slash = key.lastIndexOf('/');
  const n = slash < 0 ? key : key.slice(slash + 1);
  if (!name.test(n) || n.length > 63) return false;
  return value === '' || (name.test(value) && value.length <= 63);
}
