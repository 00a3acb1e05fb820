/**
 * `kubectl api-resources` and `api-versions`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/apiresources: preferred versions only,
 * sorted by group then name, wide adds VERBS and CATEGORIES.
 */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { groupVersion } from '../discovery/resources';
import { tabulate } from '../output/tabwriter';

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'api-group', type: 'string' },
    { name: 'verbs', type: 'strings' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'strings' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const output = f.string('output');
    if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`error: --output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`error: --sort-by accepts only name or kind`);
    if (f.args.length) throw new KubectlError(`error: unexpected arguments: [${f.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`);
    const d = await ctx.discovery();
    let rs = d.resources.filter((r) => r.preferred);
    if (f.changed('api-group')) rs = rs.filter((r) => r.group === f.string('api-group'));
    if (f.changed('namespaced')) rs = rs.filter((r) => r.namespaced === f.bool('namespaced'));
    const verbs = f.strings('verbs');
    if (verbs.length) rs = rs.filter((r) => verbs.every((v) => r.verbs.includes(v)));
    const cats = f.strings('categories');
    if (cats.length) rs = rs.filter((r) => cats.every((c) => r.categories.includes(c)));
    rs = [...rs].sort((a, b) => {
      if (sortBy === 'name') return cmp(a.resource, b.resource);
      if (sortBy === 'kind') return cmp(a.kind, b.kind);
      return cmp(a.group, b.group) || cmp(a.resource, b.resource);
    });
    if (output === 'name') {
      ctx.out(rs.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''));
      return;
    }
    let text = '';
    const wide = output === 'wide';
    if (!f.bool('no-headers')) text += `${['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t')}\n`;
    for (const r of rs) {
      const cells = [r.resource, r.shortNames.join(','), groupVersion(r), String(r.namespaced), r.kind];
      if (wide) cells.push(r.verbs.join(','), r.categories.join(','));
      text += `${cells.join('\t')}\n`;
    }
    ctx.out(tabulate(text));
  },
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  async run(ctx) {
    const d = await ctx.discovery();
    const out = new Set<string>();
    for (const [g, vs] of d.groups) for (const v of vs) out.add(g ? `${g}/${v}` : v);
    ctx.out([...out].sort().map((x) => `${x}\n`).join(''));
  },
};
