/**
 * `kubectl replace -f FILE`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go
 * (v1.32): each manifest is PUT whole; without a resourceVersion the live
 * one is read first (resource.Helper.Replace with overwrite), "replaced".
 */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, dryRunOf, req, withTypeMeta } from '../cli/common';
import { readManifests } from '../apply/manifests';
import { placeManifest, sourceError } from './apply';
import { operationPrinter } from '../cli/operationPrinter';
import { kindPrefix } from '../discovery/resources';

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'wait', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    { name: 'field-manager', type: 'string', default: 'kubectl-replace' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    const dry = dryRunOf(ctx);
    if (f.bool('force') && dry !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set');
    const files = f.strings('filename');
    if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
    if (f.bool('force')) throw new KubectlError('error: "kubectl replace --force" is not available in this playground');
    if (f.string('raw')) throw new KubectlError('error: "kubectl replace --raw" is not available in this playground');
    const printer = operationPrinter(ctx, dry);
    const subresource = f.string('subresource') || undefined;
    const errors: string[] = [];
    for (const m of readManifests(ctx, files)) {
      const { resource: r, namespace, object } = await placeManifest(ctx, m);
      if (dry === 'client') {
        printer.print(object, kindPrefix(r), 'replaced');
        continue;
      }
      const meta = (object.metadata ?? {}) as Record<string, unknown>;
      if (!meta.resourceVersion) {
        const cur = await ctx.client.request(req(r, 'get', { namespace, name: m.name, subresource }));
        // A missing object is left for the PUT to report.
        if (cur.status === 200) meta.resourceVersion = (cur.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
        object.metadata = meta;
      }
      const res = await ctx.client.request(
        req(r, 'update', { namespace, name: m.name, subresource, body: object, query: { fieldManager: f.string('field-manager'), fieldValidation: 'Strict', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }),
      );
      if (res.status >= 300) {
        errors.push(sourceError('replacing', m.source, res));
        continue;
      }
      printer.print(withTypeMeta(res.body as Record<string, unknown>, r), kindPrefix(r), 'replaced');
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};
