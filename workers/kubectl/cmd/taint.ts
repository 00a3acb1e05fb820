/**
 * `kubectl taint nodes NAME key=value:Effect | key:Effect- | key-`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go (v1.32):
 * taint specs parsed and validated as upstream, new taints first then the
 * old ones not replaced, "tainted" / "untainted" / "modified".
 */
import type { Command, Ctx } from '../cli/command';
import { KubectlError, check, responseErrorText, usageError } from '../cli/errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, dryRunOf, req, withTypeMeta } from '../cli/common';
import { operationPrinter } from '../cli/operationPrinter';
import { tryResolveType, type ApiResource } from '../discovery/resources';
import { isQualifiedName, isValidLabelValue } from '../../api/validation/labels';

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** corev1.Taint.ToString */
export function taintToString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  const t: Taint = { key };
  if (value) t.value = value;
  if (effect) t.effect = effect;
  return t;
}

/** parseTaints: specs ending in `-` remove, others add (and need an effect). */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push(t.effect ? { key: t.key, effect: t.effect } : { key: t.key });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    // Go's %v of a corev1.Taint: {key value effect <nil>}.
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint) => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** reorganizeTaints: the node's new taint list and the operation word. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  const next = [...add];
  for (const o of old) if (!next.some((n) => matches(n, o))) next.push(o);
  const added = old.length !== next.length;
  const errors: string[] = [];
  let deleted = false;
  let list = next;
  for (const r of remove) {
    const kept = r.effect ? list.filter((t) => !matches(r, t)) : list.filter((t) => t.key !== r.key);
    deleted = kept.length !== list.length;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintToString(r))} not found`);
    list = kept;
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints: list, errors };
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'field-manager', type: 'string', default: 'kubectl-taint' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const dry = dryRunOf(ctx);
    const resources: string[] = [];
    const specs: string[] = [];
    for (const a of f.args) {
      const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-');
      if (isTaint) specs.push(a);
      else if (specs.length) throw new KubectlError(`error: all resources must be specified before taint changes: ${a}`);
      else resources.push(a);
    }
    if (resources.length < 1) throw new KubectlError('error: one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) throw new KubectlError('error: at least one taint update is required');
    let parsed: { add: Taint[]; remove: Taint[] };
    try {
      parsed = parseTaints(specs);
    } catch (e) {
      throw usageError('taint', (e as Error).message);
    }
    const d = await ctx.discovery();
    // explain.SplitAndParseResourceRequest: a NoResourceMatchError, which checkErr prints bare.
    const r = tryResolveType(d, resources[0].toLowerCase());
    if (!r) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(resources[0].toLowerCase())}`);
    if (r.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
    const conflicts: string[] = [];
    for (const a of parsed.add) for (const rm of parsed.remove) if (a.key === rm.key && (!rm.effect || a.effect === rm.effect)) conflicts.push(`${rm.key}=${rm.effect ?? ''}`);
    if (conflicts.length) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    const all = f.bool('all');
    const selector = f.string('selector');
    if (all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set");
    const nodes = await nodesToTaint(ctx, r, all || selector ? [] : resources.slice(1), selector);
    // taint.go sets the operation after PrintFlagsWithDryRunStrategy, so no "(dry run)".
    const printer = operationPrinter(ctx, dry, { suffix: false });
    for (const n of nodes) {
      const name = String((n.metadata as { name?: string }).name ?? '');
      const old = ((n.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
      if (!f.bool('overwrite')) {
        const exists = parsed.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
        if (exists.length) throw new KubectlError(`error: node ${name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const next = reorganizeTaints(old, f.bool('overwrite'), parsed.add, parsed.remove);
      if (next.errors.length) throw new KubectlError(next.errors.map((e) => `error: ${e}`).join('\n'));
      const spec = { ...((n.spec ?? {}) as Record<string, unknown>) };
      if (next.taints.length) spec.taints = next.taints;
      else delete spec.taints;
      if (dry === 'client') {
        printer.print({ ...n, spec }, 'node', next.operation);
        continue;
      }
      const res = await ctx.client.request(
        req(r, 'patch', { name, contentType: 'application/strategic-merge-patch+json', body: { spec: { taints: next.taints.length ? next.taints : null } }, query: { fieldManager: f.string('field-manager'), fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }),
      );
      if (res.status >= 300) throw new KubectlError(responseErrorText(res));
      printer.print(withTypeMeta(res.body as Record<string, unknown>, r), 'node', next.operation);
    }
  },
};

async function nodesToTaint(ctx: Ctx, r: ApiResource, names: string[], selector: string): Promise<Record<string, unknown>[]> {
  if (names.length === 0) {
    const list = check(await ctx.client.request(req(r, 'list', { query: selector ? { labelSelector: selector } : {} }))).body as { items?: Record<string, unknown>[] };
    return (list.items ?? []).map((o) => withTypeMeta(o, r));
  }
  const out: Record<string, unknown>[] = [];
  for (const name of names) out.push(withTypeMeta(check(await ctx.client.request(req(r, 'get', { name }))).body as Record<string, unknown>, r));
  return out;
}
