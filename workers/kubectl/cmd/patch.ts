/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go (v1.32): the patch is
 * YAML or JSON, sent as the chosen content type; "patched" or
 * "patched (no change)" depending on whether the server's answer differs
 * from the object read before; --dry-run=client / --local patch locally.
 */
import { parse as parseYaml } from 'yaml';
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, dryRunOf, req, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { readManifests } from '../apply/manifests';
import { deepEqualJson, operationPrinter } from '../cli/operationPrinter';
import { kindPrefix } from '../discovery/resources';
import { isBuiltInGroup, patchSchemaFor } from '../apply/patchSchema';
import { applyPatch, JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH } from '../../api/patch';
import type { KubeObject } from '../../api/object';

const PATCH_TYPES: Record<string, string> = { json: JSON_PATCH, merge: MERGE_PATCH, strategic: STRATEGIC_MERGE_PATCH };

/** yaml.ToJSON: the patch text may be YAML or JSON. */
export function patchToJson(text: string): unknown {
  try {
    return parseYaml(text, { uniqueKeys: false }) as unknown;
  } catch (e) {
    throw new KubectlError(`error: unable to parse ${JSON.stringify(text)}: yaml: ${(e as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
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
    // patch.go sets the operation after PrintFlagsWithDryRunStrategy, so no "(dry run)".
    const printer = operationPrinter(ctx, dry, { suffix: false });
    const local = f.bool('local');
    const patchText = f.string('patch');
    const patchFile = f.string('patch-file');
    if (patchText && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together');
    if (!patchText && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
    if (local && f.args.length) throw new KubectlError('error: cannot specify --local and server resources');
    if (local && dry === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const typeName = f.string('type').toLowerCase();
    const contentType = PATCH_TYPES[typeName];
    if (f.string('type') && !contentType) throw new KubectlError(`error: --type must be one of [json merge strategic], not ${JSON.stringify(f.string('type'))}`);
    let raw = patchText;
    if (patchFile) {
      const text = ctx.io.readFile(patchFile);
      if (text === undefined) throw new KubectlError(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
      raw = text;
    }
    const body = patchToJson(raw);
    const files = f.strings('filename');
    if (f.args.length === 0 && files.length === 0) {
      throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    const subresource = f.string('subresource') || undefined;
    const errors: string[] = [];
    let count = 0;
    if (local) {
      for (const m of readManifests(ctx, files)) {
        count++;
        const d = await ctx.discovery();
        const r = d.resources.find((x) => x.kind === m.kind && x.group === m.group);
        const patched = await patchLocally(ctx, contentType, m.object, body, { group: m.group, version: m.version, kind: m.kind });
        printer.print(patched, r ? kindPrefix(r) : m.kind.toLowerCase(), deepEqualJson(m.object, patched) ? 'patched (no change)' : 'patched');
      }
      return;
    }
    for (const t of await resolveTargets(ctx, f.args, { files })) {
      const r = t.resource;
      count++;
      const got = await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name, subresource }));
      if (got.status !== 200) {
        errors.push(responseErrorText(got));
        continue;
      }
      const before = withTypeMeta(got.body as Record<string, unknown>, r);
      if (dry === 'client') {
        try {
          const patched = await patchLocally(ctx, contentType, before, body, r);
          printer.print(patched, kindPrefix(r), deepEqualJson(before, patched) ? 'patched (no change)' : 'patched');
        } catch (e) {
          errors.push(e instanceof KubectlError ? e.message : String(e));
        }
        continue;
      }
      const res = await ctx.client.request(
        req(r, 'patch', { namespace: t.namespace, name: t.name, subresource, contentType, body, query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) } }),
      );
      if (res.status >= 300) {
        const text = responseErrorText(res);
        errors.push(res.status === 415 ? text.replace(/^Error from server \(UnsupportedMediaType\): /, `error: ${contentType} is not supported by ${r.group ? `${r.group}/` : ''}${r.version}, Kind=${r.kind}: `) : text);
        continue;
      }
      const after = withTypeMeta(res.body as Record<string, unknown>, r);
      printer.print(after, kindPrefix(r), deepEqualJson(before, after) ? 'patched (no change)' : 'patched');
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
    if (count === 0) throw new KubectlError('error: no objects passed to patch');
  },
};

/** getPatchedJSON: the patch applied on this side, for --local and --dry-run=client. */
async function patchLocally(ctx: Parameters<NonNullable<Command['run']>>[0], contentType: string, original: Record<string, unknown>, body: unknown, gvk: { group: string; version: string; kind: string }): Promise<Record<string, unknown>> {
  let schema;
  if (contentType === STRATEGIC_MERGE_PATCH) {
    schema = await patchSchemaFor(ctx.client, gvk, isBuiltInGroup(gvk.group));
    if (!schema) throw new KubectlError(`error: strategic merge patch is not supported for ${gvk.group ? `${gvk.group}/` : ''}${gvk.version}, Kind=${gvk.kind} locally, try --type merge`);
  }
  const out = applyPatch(contentType, original as KubeObject, body, schema);
  if (out.ok) return out.object as Record<string, unknown>;
  if ('route' in out) throw new KubectlError('error: unexpected apply patch');
  throw new KubectlError(`error: ${out.message}`);
}
