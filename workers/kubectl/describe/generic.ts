/**
 * The generic describer (describe.go genericDescriber): for custom resources
 * and any kind without its own describer, the object's fields as an
 * indented list with "smart" labels (`apiVersion` → `API Version`).
 */
import { sprintV } from '../../jsonpath/goValue';
import { describeEvents, searchEvents } from './events';
import { getObject, type DescribeContext, type Gvr } from './fetch';
import { printAnnotationsMultiline, printLabelsMultiline, sortStrings, type Json } from './format';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

type CharClass = 'lower' | 'upper' | 'digit' | 'other';
const classOf = (c: string): CharClass => (/\p{Ll}/u.test(c) ? 'lower' : /\p{Lu}/u.test(c) ? 'upper' : /\p{Nd}/u.test(c) ? 'digit' : 'other');

/** github.com/fatih/camelcase Split. */
export function camelSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = cls;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the latter: HTTPServer → HTTP Server.
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 'upper' && classOf(runs[i + 1][0]) === 'lower') {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())))
    .join(' ');
}

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function printUnstructuredContent(w: PrefixWriter, level: number, content: Json, skipPrefix: string, skip: Set<string>): void {
  for (const field of sortStrings(Object.keys(content))) {
    const value = content[field];
    const expr = `${skipPrefix}.${field}`;
    if (skip.has(expr)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, expr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, expr, skip);
        else w.write(level + 1, `${sprintV(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${sprintV(value)}\n`);
  }
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

export async function describeGeneric(ctx: DescribeContext, gvr: Gvr, namespace: string | undefined, name: string): Promise<string> {
  const obj = await getObject(ctx, gvr, namespace, name);
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const events = ctx.showEvents ? await searchEvents(ctx, { name: meta.name ?? '', namespace: meta.namespace ?? '', kind: String(obj.kind ?? ''), uid: meta.uid ?? '' }) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printUnstructuredContent(w, LEVEL_0, obj, '', SKIP);
    if (events) describeEvents(events, w, ctx.now);
  });
}
