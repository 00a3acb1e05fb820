/** `kubectl explain`: documentation of a resource or field from the server's OpenAPI v3. */
import type { Command } from '../cli/command';
import { KubectlError, responseErrorText } from '../cli/errors';
import { tryResolveType } from '../discovery/resources';
import { nonResourceRequest } from '../nonResource';
import { explainText, ExplainError } from '../explain/plaintext';

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  completeArgs: 'resources',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', type: 'string', default: 'plaintext' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.args.length === 0) throw new KubectlError(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples`);
    if (f.args.length > 1) throw new KubectlError(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples`);
    const [resource, ...fields] = f.args[0].split('.');
    const d = await ctx.discovery();
    let r = tryResolveType(d, resource);
    const apiVersion = f.string('api-version');
    if (r && apiVersion) {
      const [g, v] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      r = d.resources.find((x) => x.group === g && x.version === v && x.resource === r!.resource);
      if (!r) throw new KubectlError(`error: couldn't find resource for "${apiVersion}"`);
    }
    if (!r) throw new KubectlError(`the server doesn't have a resource type "${resource}"`);
    const path = r.group ? `/openapi/v3/apis/${r.group}/${r.version}` : `/openapi/v3/api/${r.version}`;
    const doc = await ctx.client.request(nonResourceRequest(path));
    if (doc.status !== 200) throw new KubectlError(responseErrorText(doc));
    try {
      ctx.out(explainText(doc.body as Record<string, unknown>, { group: r.group, version: r.version, kind: r.kind }, fields, f.bool('recursive')));
    } catch (e) {
      if (e instanceof ExplainError) {
        ctx.out(e.partial);
        throw new KubectlError(e.message);
      }
      throw e;
    }
  },
};
