/**
 * `kubectl get`. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go:
 * server-side Tables for human output, one printer per resource type with a
 * blank line between types, `kind/` prefixes when several kinds are printed,
 * "No resources found" on stderr, errors collected and printed last.
 */
import type { Command, Ctx } from '../cli/command';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG, TABLE_ACCEPT, req, withTypeMeta } from '../cli/common';
import { ApiError, KubectlError, check, errorText, statusOf } from '../cli/errors';
import { parseResourceArgs, type ResourceTarget } from '../cli/resourceArgs';
import { kindPrefix, type ApiResource } from '../discovery/resources';
import { HumanPrinter, type ServerTable } from '../output/humanTable';
import { parseOutput, printObjects, type OutputFormat } from '../output/printObjects';
import { TabWriter } from '../output/tabwriter';
import { sortObjects, sortTableRows } from '../output/sortBy';
import { readManifests } from '../apply/manifests';
import type { WatchEvent } from '../../api/request';

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

interface Fetched {
  resource: ApiResource;
  table?: ServerTable;
  objects?: Record<string, unknown>[];
  listResourceVersion?: string;
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  completeArgs: 'type-then-names',
  flags: [
    ...PRINT_FLAGS,
    ALL_NAMESPACES_FLAG,
    SELECTOR_FLAG,
    FILENAME_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'strings' },
    { name: 'sort-by', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
  ],
  async run(ctx) {
    const f = ctx.flags;
    const format = parseOutput(f.string('output'), true);
    const files = f.strings('filename');
    if (f.args.length === 0 && files.length === 0) throw new KubectlError(REQUIRED);
    const d = await ctx.discovery();
    let targets: ResourceTarget[];
    if (files.length) {
      targets = [];
      for (const m of readManifests(ctx, files)) {
        const r = d.resources.find((x) => x.kind === m.kind && x.group === m.group && x.version === m.version) ?? d.resources.find((x) => x.kind === m.kind && x.group === m.group);
        if (!r) throw new KubectlError(`error: resource mapping not found for name: "${m.name}" namespace: "${m.namespace ?? ''}" from "${m.source}": no matches for kind "${m.kind}" in version "${m.apiVersion}"\nensure CRDs are installed first`);
        targets.push({ resource: r, names: [m.name], namespace: m.namespace } as ResourceTarget & { namespace?: string });
      }
    } else targets = parseResourceArgs(d, f.args);
    const allNs = f.bool('all-namespaces');
    if (f.bool('watch') || f.bool('watch-only')) return watch(ctx, targets, format, allNs);

    const errors: string[] = [];
    const fetched: Fetched[] = [];
    const human = format.kind === 'human';
    const sortBy = f.string('sort-by');
    for (const t of targets) {
      const r = t.resource;
      const ns = r.namespaced ? ((t as { namespace?: string }).namespace ?? (allNs && !t.names ? undefined : ctx.namespace)) : undefined;
      const query: Record<string, string> = {};
      if (f.string('selector')) query.labelSelector = f.string('selector');
      if (f.string('field-selector')) query.fieldSelector = f.string('field-selector');
      if (human && sortBy) query.includeObject = 'Object';
      const accept = human ? TABLE_ACCEPT : undefined;
      if (t.names) {
        for (const name of t.names) {
          const res = await ctx.client.request(req(r, 'get', { name, namespace: ns, accept }));
          if (res.status !== 200) {
            const s = statusOf(res);
            if (f.bool('ignore-not-found') && s.code === 404) continue;
            errors.push(errorText(new ApiError(s)));
            continue;
          }
          if (human) fetched.push({ resource: r, table: res.body as ServerTable });
          else fetched.push({ resource: r, objects: [withTypeMeta(res.body as Record<string, unknown>, r)] });
        }
      } else {
        const res = await ctx.client.request(req(r, 'list', { namespace: ns, query, accept }));
        if (res.status !== 200) {
          errors.push(errorText(new ApiError(statusOf(res))));
          continue;
        }
        if (human) fetched.push({ resource: r, table: res.body as ServerTable });
        else {
          const items = ((res.body as { items?: Record<string, unknown>[] }).items ?? []).map((o) => withTypeMeta(o, r));
          fetched.push({ resource: r, objects: items });
        }
      }
    }

    if (human) printHuman(ctx, fetched, format.wide, allNs, sortBy, errors.length > 0);
    else {
      const single = !files.length && targets.length === 1 && targets[0].names?.length === 1 && f.args.length > 0 && !f.args[0].includes(',');
      let objs = fetched.flatMap((x) => (x.objects ?? []).map((object) => ({ object, kindPrefix: kindPrefix(x.resource) })));
      if (sortBy) objs = sortObjects(objs, sortBy);
      // Nothing to print when every named object failed; an empty custom-columns list prints nothing either.
      const nothing = objs.length === 0 && ((errors.length > 0 && targets.every((t) => t.names)) || format.kind === 'custom-columns');
      if (!nothing) ctx.out(printObjects(format, objs, single, { showManagedFields: f.bool('show-managed-fields'), noHeaders: f.bool('no-headers') }));
    }
    if (errors.length === 1) throw new KubectlError(errors[0]);
    if (errors.length > 1) throw new KubectlError(errors.join('\n'));
    return 0;
  },
};

function printHuman(ctx: Ctx, fetched: Fetched[], wide: boolean, allNs: boolean, sortBy: string, hadErrors: boolean): void {
  const f = ctx.flags;
  const gvks = new Set(fetched.map((x) => `${x.resource.group}/${x.resource.version}/${x.resource.kind}`));
  const withKind = gvks.size > 1 || f.bool('show-kind');
  let written = 0;
  let ready = false;
  const sink = (text: string) => {
    if (text === '') return;
    if (ready) {
      ctx.out('\n');
      ready = false;
    }
    written += text.length;
    ctx.out(text);
  };
  const w = new TabWriter(sink);
  let printer: HumanPrinter | undefined;
  let last: ApiResource | undefined;
  let allNamespaced = !allNs;
  for (const x of fetched) {
    allNamespaced = allNamespaced && x.resource.namespaced;
    if (!printer || !last || last.resource !== x.resource.resource || last.group !== x.resource.group) {
      w.flush();
      w.resetWidths();
      if (last && !f.bool('no-headers') && written > 0) ready = true;
      printer = new HumanPrinter({
        noHeaders: f.bool('no-headers'),
        wide,
        withNamespace: allNs && x.resource.namespaced,
        showLabels: f.bool('show-labels'),
        columnLabels: f.strings('label-columns'),
        kind: withKind ? kindPrefix(x.resource) : undefined,
      });
      last = x.resource;
    }
    const table = sortBy && x.table ? sortTableRows(x.table, sortBy) : x.table!;
    w.write(printer.print(table));
  }
  w.flush();
  if (written === 0 && !f.bool('ignore-not-found') && !hadErrors) {
    ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
}

async function watch(ctx: Ctx, targets: ResourceTarget[], format: OutputFormat, allNs: boolean): Promise<number> {
  const f = ctx.flags;
  if (targets.length !== 1 || (targets[0].names && targets[0].names.length > 1)) {
    throw new KubectlError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const t = targets[0];
  const r = t.resource;
  const ns = r.namespaced ? (allNs && !t.names ? undefined : ctx.namespace) : undefined;
  const human = format.kind === 'human';
  const accept = human ? TABLE_ACCEPT : undefined;
  const query: Record<string, string> = {};
  if (f.string('selector')) query.labelSelector = f.string('selector');
  if (f.string('field-selector')) query.fieldSelector = f.string('field-selector');
  const name = t.names?.[0];
  if (name) query.fieldSelector = `metadata.name=${name}`;
  const first = check(await ctx.client.request(req(r, name ? 'get' : 'list', { namespace: ns, name, query: name ? {} : query, accept })));
  const body = first.body as Record<string, unknown>;
  const w = new TabWriter((text) => ctx.out(text));
  const printer = new HumanPrinter({ noHeaders: f.bool('no-headers'), wide: human && format.wide, withNamespace: allNs && r.namespaced, showLabels: f.bool('show-labels'), columnLabels: f.strings('label-columns') });
  const events = f.bool('output-watch-events');
  const printGeneric = (o: Record<string, unknown>, type?: string) => {
    const obj = withTypeMeta(o, r);
    const item = events && type ? { object: obj, type } : obj;
    ctx.out(printObjects(format, [{ object: item as Record<string, unknown>, kindPrefix: kindPrefix(r) }], true, { showManagedFields: f.bool('show-managed-fields') }));
  };
  const rv = name ? '0' : String((body.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? '0');
  if (!f.bool('watch-only')) {
    if (human) w.write(printer.print(body as ServerTable, events ? 'ADDED' : undefined));
    else if (name) printGeneric(body, 'ADDED');
    else for (const o of (body.items as Record<string, unknown>[]) ?? []) printGeneric(o, 'ADDED');
    w.flush();
  }
  // A watch of one object starts with a synthetic ADDED event for it, which was printed already.
  let skipFirst = !!name;
  const done = new Promise<void>((resolve) => {
    if (ctx.io.signal.aborted) resolve();
    ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  let failure: string | undefined;
  let ended: () => void = () => {};
  const endedP = new Promise<void>((r2) => (ended = r2));
  const handle = await ctx.client.watch(req(r, 'watch', { namespace: ns, query: { ...query, resourceVersion: rv, allowWatchBookmarks: 'true' }, accept }), (e: WatchEvent) => {
    if (e.type === 'BOOKMARK') return;
    if (e.type === 'ERROR') {
      failure = errorText(new ApiError(e.object as Record<string, unknown>));
      ended();
      return;
    }
    if (skipFirst) {
      skipFirst = false;
      if (e.type === 'ADDED') return;
    }
    if (human) {
      w.write(printer.print(e.object as ServerTable, events ? e.type : undefined));
      w.flush();
    } else printGeneric(e.object as Record<string, unknown>, e.type);
  });
  if (!('stop' in handle)) throw new ApiError(statusOf(handle));
  await Promise.race([done, endedP]);
  handle.stop();
  if (failure) throw new KubectlError(failure);
  return 0;
}
