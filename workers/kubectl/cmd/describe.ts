/**
 * `kubectl describe`: resolves its arguments as describe.go's Run does, then
 * K2's describers print (workers/kubectl/describe). Objects are separated by
 * a blank line; a missing `TYPE NAME` falls back to name-prefix matches.
 */
import type { Command } from '../cli/command';
import { errorText, KubectlError, responseErrorText } from '../cli/errors';
import { parseResourceArgs } from '../cli/resourceArgs';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, SELECTOR_FLAG, req } from '../cli/common';
import { describe, describeByPrefix, describeSelectedResult } from '../describe/index';

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  completeArgs: 'type-then-names',
  flags: [ALL_NAMESPACES_FLAG, SELECTOR_FLAG, FILENAME_FLAG, { name: 'show-events', type: 'bool', default: true }, { name: 'chunk-size', type: 'int', default: 500 }, { name: 'recursive', short: 'R', type: 'bool' }],
  async run(ctx) {
    const f = ctx.flags;
    if (f.args.length === 0) throw new KubectlError(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples`);
    const d = await ctx.discovery();
    const targets = parseResourceArgs(d, f.args);
    const opts = { showEvents: f.bool('show-events'), chunkSize: f.int('chunk-size') };
    const errors: string[] = [];
    let first = true;
    let count = 0;
    const print = (text: string) => {
      ctx.out(first ? text : `\n\n${text}`);
      first = false;
    };
    for (const t of targets) {
      const r = t.resource;
      const base = { group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced };
      if (t.names) {
        for (const name of t.names) {
          const namespace = r.namespaced ? ctx.namespace : undefined;
          const g = await ctx.client.request(req(r, 'get', { namespace, name }));
          if (g.status === 404 && f.args.length === 2 && !f.args[0].includes('/')) {
            const matches = await describeByPrefix(ctx.client, { ...base, namespace, name }, opts);
            if (matches !== undefined) {
              ctx.out(matches);
              return;
            }
          }
          if (g.status !== 200) {
            const e = responseErrorText(g);
            if (!errors.includes(e)) errors.push(e);
            continue;
          }
          count++;
          try {
            print(await describe(ctx.client, { ...base, namespace, name }, opts));
          } catch (e) {
            const msg = errorText(e);
            if (!errors.includes(msg)) errors.push(msg);
          }
        }
        continue;
      }
      const res = await describeSelectedResult(ctx.client, { ...base, namespace: ctx.namespace, allNamespaces: f.bool('all-namespaces'), labelSelector: f.string('selector') || undefined }, opts);
      count += res.count;
      if (res.text) print(res.text);
      for (const e of res.errors) if (!errors.includes(e)) errors.push(e);
    }
    if (count === 0 && errors.length === 0) ctx.err(f.bool('all-namespaces') ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};
