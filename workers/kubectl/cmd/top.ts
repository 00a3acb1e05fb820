/**
 * `kubectl top pod|node` from metrics.k8s.io. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/top and metricsutil/metrics_printer.go:
 * every value followed by a tab (so the last column is padded too), CPU in
 * millicores, memory in Mi, node percentages of allocatable.
 */
import type { Command, Ctx } from '../cli/command';
import { check, KubectlError } from '../cli/errors';
import { tabulate } from '../output/tabwriter';
import { parseQuantity } from '../../api/quantity/quantity';

type Usage = { cpu?: string; memory?: string };

function milli(q: string | undefined): bigint {
  const r = q ? parseQuantity(q) : undefined;
  return r && r.ok ? r.quantity.milliValueBig() : 0n;
}
function bytes(q: string | undefined): bigint {
  const r = q ? parseQuantity(q) : undefined;
  return r && r.ok ? r.quantity.valueBig() : 0n;
}

async function metricsVersion(ctx: Ctx): Promise<string> {
  const d = await ctx.discovery();
  const vs = d.groups.get('metrics.k8s.io');
  if (!vs || vs.length === 0) throw new KubectlError('error: Metrics API not available');
  return vs.includes('v1beta1') ? 'v1beta1' : vs[0];
}

const row = (cells: string[]) => `${cells.map((c) => `${c}\t`).join('')}\n`;

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  completeArgs: 'pods',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'containers', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'sum', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool', default: true },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const sortBy = f.string('sort-by');
    if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError(`error: --sort-by accepts only cpu or memory`);
    const version = await metricsVersion(ctx);
    const all = f.bool('all-namespaces');
    const name = f.args[0];
    const base = { group: 'metrics.k8s.io', version, resource: 'pods', namespace: all ? undefined : ctx.namespace };
    let items: { metadata: { name: string; namespace: string }; containers: { name: string; usage: Usage }[] }[];
    if (name) items = [check(await ctx.client.request({ ...base, verb: 'get', name })).body as never];
    else {
      const query: Record<string, string> = {};
      if (f.string('selector')) query.labelSelector = f.string('selector');
      if (f.string('field-selector')) query.fieldSelector = f.string('field-selector');
      items = ((check(await ctx.client.request({ ...base, verb: 'list', query })).body as { items?: typeof items }).items ?? []);
    }
    if (items.length === 0) {
      ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const sum = (p: (typeof items)[number], k: 'cpu' | 'memory') => p.containers.reduce((a, c) => a + (k === 'cpu' ? milli(c.usage.cpu) : bytes(c.usage.memory)), 0n);
    if (sortBy) items = [...items].sort((a, b) => Number(sum(b, sortBy as 'cpu') - sum(a, sortBy as 'cpu')));
    let text = '';
    const containers = f.bool('containers');
    if (!f.bool('no-headers')) text += row([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)']);
    for (const p of items) {
      const ns = all ? [p.metadata.namespace] : [];
      if (containers) for (const c of p.containers) text += row([...ns, p.metadata.name, c.name, `${milli(c.usage.cpu)}m`, `${bytes(c.usage.memory) / 1048576n}Mi`]);
      else text += row([...ns, p.metadata.name, `${sum(p, 'cpu')}m`, `${sum(p, 'memory') / 1048576n}Mi`]);
    }
    if (f.bool('sum')) {
      const cpu = items.reduce((a, p) => a + sum(p, 'cpu'), 0n);
      const mem = items.reduce((a, p) => a + sum(p, 'memory'), 0n);
      text += row([...(all ? [''] : []), ...(containers ? ['', ''] : ['']), '________', '________']);
      text += row([...(all ? [''] : []), ...(containers ? ['', ''] : ['']), `${cpu}m`, `${mem / 1048576n}Mi`]);
    }
    ctx.out(tabulate(text));
  },
};

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  completeArgs: 'nodes',
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'show-capacity', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool', default: true },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const version = await metricsVersion(ctx);
    const name = f.args[0];
    const query: Record<string, string> = f.string('selector') ? { labelSelector: f.string('selector') } : {};
    let metrics: { metadata: { name: string }; usage: Usage }[];
    if (name) metrics = [check(await ctx.client.request({ verb: 'get', group: 'metrics.k8s.io', version, resource: 'nodes', name })).body as never];
    else metrics = ((check(await ctx.client.request({ verb: 'list', group: 'metrics.k8s.io', version, resource: 'nodes', query })).body as { items?: typeof metrics }).items ?? []);
    const nodes = name
      ? [check(await ctx.client.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name })).body as { metadata: { name: string }; status?: { allocatable?: Usage; capacity?: Usage } }]
      : ((check(await ctx.client.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes', query })).body as { items: { metadata: { name: string }; status?: { allocatable?: Usage; capacity?: Usage } }[] }).items);
    const avail = new Map(nodes.map((n) => [n.metadata.name, f.bool('show-capacity') ? n.status?.capacity : n.status?.allocatable]));
    if (f.string('sort-by') === 'cpu') metrics = [...metrics].sort((a, b) => Number(milli(b.usage.cpu) - milli(a.usage.cpu)));
    if (f.string('sort-by') === 'memory') metrics = [...metrics].sort((a, b) => Number(bytes(b.usage.memory) - bytes(a.usage.memory)));
    let text = f.bool('no-headers') ? '' : row(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    for (const m of metrics) {
      const a = avail.get(m.metadata.name);
      const cpu = milli(m.usage.cpu);
      const mem = bytes(m.usage.memory);
      const ac = milli(a?.cpu);
      const am = bytes(a?.memory);
      text += row([m.metadata.name, `${cpu}m`, ac > 0n ? `${(cpu * 100n) / ac}%` : '0%', `${mem / 1048576n}Mi`, am > 0n ? `${(mem * 100n) / am}%` : '0%']);
    }
    const seen = new Set(metrics.map((m) => m.metadata.name));
    for (const n of nodes) if (!seen.has(n.metadata.name)) text += row([n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
    ctx.out(tabulate(text));
  },
};

export const topCommand: Command = { name: 'top', short: 'Display resource (CPU/memory) usage', subcommands: [topNode, topPod] };
