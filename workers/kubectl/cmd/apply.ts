/**
 * `kubectl apply -f`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/apply
 * (apply.go, patcher.go): create with the last-applied-configuration
 * annotation, or a three-way patch against it — "created", "configured",
 * "unchanged"; --server-side sends the manifest as an apply patch.
 */
import type { Command, Ctx } from '../cli/command';
import { ApiError, KubectlError, errorText, statusOf } from '../cli/errors';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, req, withTypeMeta } from '../cli/common';
import { readManifests, type Manifest } from '../apply/manifests';
import { kindPrefix, type ApiResource } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';
import { toGoCompactJson } from '../output/json';
import { threeWayPatch } from '../apply/threeWay';
import { isBuiltInGroup, patchSchemaFor } from '../apply/patchSchema';
import type { ApiResponse } from '../../api/request';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type JsonMap = Record<string, unknown> & { metadata?: Record<string, unknown> };

/** The object with the annotation holding its own serialization (util.GetModifiedConfiguration). */
export function withLastApplied(obj: JsonMap): { object: JsonMap; annotation: string } {
  const meta = { ...(obj.metadata ?? {}) };
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  const bare = { ...obj, metadata: { ...meta, annotations } };
  const annotation = toGoCompactJson(bare);
  return { object: { ...obj, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: annotation } } }, annotation };
}

/** Where a manifest goes, with kubectl's checks on its namespace. */
export async function placeManifest(ctx: Ctx, m: Manifest): Promise<{ resource: ApiResource; namespace?: string; object: JsonMap }> {
  const d = await ctx.discovery();
  const r = d.resources.find((x) => x.kind === m.kind && x.group === m.group && x.version === m.version);
  if (!r) throw new KubectlError(`error: resource mapping not found for name: "${m.name}" namespace: "${m.namespace ?? ''}" from "${m.source}": no matches for kind "${m.kind}" in version "${m.apiVersion}"\nensure CRDs are installed first`);
  let namespace: string | undefined;
  const object = structuredClone(m.object) as JsonMap;
  if (r.namespaced) {
    if (m.namespace && ctx.explicitNamespace && m.namespace !== ctx.namespace) {
      throw new KubectlError(`error: the namespace from the provided object "${m.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${m.namespace}' to perform this operation.`);
    }
    namespace = m.namespace ?? ctx.namespace;
    object.metadata = { ...(object.metadata ?? {}), namespace };
  }
  return { resource: r, namespace, object };
}

/** AddSourceToErr: `error when creating "file": message`, reason kept. */
export function sourceError(verb: string, source: string, r: ApiResponse): string {
  const s = statusOf(r);
  if (s.reason === 'Invalid' && s.details) return errorText(new ApiError(s));
  return errorText(new ApiError({ ...s, message: `error when ${verb} "${source}": ${s.message ?? ''}` }));
}

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'prune', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'force', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const format = parseOutput(f.string('output'), false);
    const files = f.strings('filename');
    if (!files.length) throw new KubectlError(`error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples`);
    if (f.args.length) throw new KubectlError(`error: Unexpected args: [${f.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    const dry = dryRunOf(ctx);
    const serverSide = f.bool('server-side');
    if (f.bool('force-conflicts') && !serverSide) throw new KubectlError('error: --force-conflicts only works with --server-side');
    const manifests = readManifests(ctx, files);
    if (manifests.length === 0) throw new KubectlError('error: no objects passed to apply');
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format, f.bool('show-managed-fields'));
    const validation = f.string('validate') === 'false' || f.string('validate') === 'ignore' ? 'Ignore' : f.string('validate') === 'warn' ? 'Warn' : 'Strict';
    const errors: string[] = [];
    const manager = f.changed('field-manager') ? f.string('field-manager') : serverSide ? 'kubectl' : 'kubectl-client-side-apply';
    const baseQuery = (): Record<string, string> => ({ fieldManager: manager, fieldValidation: validation, ...(dry === 'server' ? { dryRun: 'All' } : {}) });
    const done = (r: ApiResource, name: string, op: string, obj: JsonMap) => {
      if (printer) ctx.out(printer.print({ object: withTypeMeta(obj, r), kindPrefix: kindPrefix(r) }));
      else ctx.out(`${kindPrefix(r)}/${name} ${op}${dryRunSuffix(dry)}\n`);
    };
    const warn = (res: ApiResponse) => {
      for (const w of res.warnings ?? []) ctx.err(`Warning: ${w}\n`);
    };
    for (const m of manifests) {
      const { resource: r, namespace, object } = await placeManifest(ctx, m);
      if (!m.name) {
        errors.push(`error: error when retrieving current configuration of:\nResource: "${r.group ? `${r.group}/${r.version}, Resource=${r.resource}` : `/${r.version}, Resource=${r.resource}`}", GroupVersionKind: "${r.group ? `${r.group}/` : ''}${r.version}, Kind=${r.kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`);
        continue;
      }
      if (serverSide) {
        const res = await ctx.client.request(req(r, 'patch', { namespace, name: m.name, body: object, contentType: 'application/apply-patch+yaml', query: { ...baseQuery(), ...(f.bool('force-conflicts') ? { force: 'true' } : {}) } }));
        warn(res);
        if (res.status >= 300) {
          errors.push(sourceError('patching', m.source, res));
          continue;
        }
        done(r, m.name, 'serverside-applied', res.body as JsonMap);
        continue;
      }
      const cur = await ctx.client.request(req(r, 'get', { namespace, name: m.name }));
      if (cur.status === 404) {
        const { object: withAnn } = withLastApplied(object);
        if (dry === 'client') {
          done(r, m.name, 'created', withAnn);
          continue;
        }
        const res = await ctx.client.request(req(r, 'create', { namespace, body: withAnn, query: baseQuery() }));
        warn(res);
        if (res.status >= 300) errors.push(sourceError('creating', m.source, res));
        else done(r, m.name, 'created', res.body as JsonMap);
        continue;
      }
      if (cur.status !== 200) {
        errors.push(sourceError('retrieving current configuration of', m.source, cur));
        continue;
      }
      const current = cur.body as JsonMap;
      const lastText = ((current.metadata?.annotations ?? {}) as Record<string, string>)[LAST_APPLIED];
      if (lastText === undefined) {
        ctx.err(`Warning: resource ${r.resource}/${m.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
      }
      let original: JsonMap | undefined;
      try {
        original = lastText ? (JSON.parse(lastText) as JsonMap) : undefined;
      } catch {
        original = undefined;
      }
      const { object: modified } = withLastApplied(object);
      const builtIn = isBuiltInGroup(r.group);
      const schema = await patchSchemaFor(ctx.client, r, builtIn);
      const patch = threeWayPatch(original as never, modified as never, current as never, schema);
      if (Object.keys(patch).length === 0) {
        done(r, m.name, 'unchanged', current);
        continue;
      }
      if (dry === 'client') {
        done(r, m.name, 'configured', current);
        continue;
      }
      const res = await ctx.client.request(req(r, 'patch', { namespace, name: m.name, body: patch, contentType: schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json', query: baseQuery() }));
      warn(res);
      if (res.status >= 300) {
        errors.push(sourceError('patching', m.source, res));
        continue;
      }
      done(r, m.name, 'configured', res.body as JsonMap);
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};
