/**
 * The generic printers (-o yaml|json|name|jsonpath=|custom-columns=), as
 * staging/src/k8s.io/cli-runtime/pkg/printers builds them for get, create,
 * apply and friends.
 */
import { KubectlError } from '../cli/errors';
import { toKubectlJson } from './json';
import { toYaml } from './yaml/toYaml';
import { printJsonPath } from './jsonpath';
import { printCustomColumns } from './customColumns';

export type OutputFormat =
  | { kind: 'human'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; spec: string };

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parse -o for a command that prints tables (`get`) or only objects (`create`, `apply`, ...). */
export function parseOutput(value: string, tables: boolean): OutputFormat {
  if (value === '') return { kind: 'human', wide: false };
  if (value === 'wide' && tables) return { kind: 'human', wide: true };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'json') return { kind: 'json' };
  if (value === 'name') return { kind: 'name' };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? '' : value.slice(eq + 1);
  if (name === 'jsonpath') {
    if (arg === '') throw new KubectlError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns' && tables) {
    if (arg === '') throw new KubectlError('error: custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec: arg };
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${tables ? GET_FORMATS : OBJECT_FORMATS}`);
}

export interface PrintableObject {
  object: Record<string, unknown>;
  /** `deployment.apps` */
  kindPrefix: string;
}

/**
 * Remove metadata.managedFields unless --show-managed-fields: only the JSON and
 * YAML printers do (genericclioptions JSONYamlPrintFlags wraps them in
 * OmitManagedFieldsPrinter); jsonpath, custom-columns and name see everything.
 */
export function omitManagedFields(o: Record<string, unknown>): Record<string, unknown> {
  const m = o.metadata as Record<string, unknown> | undefined;
  if (!m || !('managedFields' in m)) return o;
  const { managedFields: _drop, ...rest } = m;
  return { ...o, metadata: rest };
}

/**
 * Print objects in a generic format. `single`: one object was asked for by
 * name, so it prints bare; otherwise items go into a `kind: List`.
 */
export function printObjects(format: OutputFormat, objs: PrintableObject[], single: boolean, opts: { showManagedFields?: boolean; noHeaders?: boolean } = {}): string {
  const omit = !opts.showManagedFields && (format.kind === 'yaml' || format.kind === 'json');
  const clean = omit ? objs.map((o) => ({ ...o, object: omitManagedFields(o.object) })) : objs;
  if (format.kind === 'name') return clean.map((o) => `${o.kindPrefix}/${String((o.object.metadata as { name?: string } | undefined)?.name ?? '')}\n`).join('');
  if (format.kind === 'custom-columns') return printCustomColumns(format.spec, clean.map((o) => o.object), { noHeaders: !!opts.noHeaders });
  const data: unknown = single && clean.length === 1 ? clean[0].object : { apiVersion: 'v1', items: clean.map((o) => o.object), kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toKubectlJson(data);
    case 'jsonpath':
      return printJsonPath(format.template, data);
    default:
      throw new KubectlError('error: unexpected output format');
  }
}

/** Printers that handle objects one at a time (create, apply): `---` between YAML documents. */
export class ObjectPrinter {
  private count = 0;
  constructor(
    private readonly format: OutputFormat,
    private readonly showManagedFields = false,
  ) {}
  print(o: PrintableObject): string {
    this.count++;
    const text = printObjects(this.format, [o], true, { showManagedFields: this.showManagedFields });
    return this.format.kind === 'yaml' && this.count > 1 ? `---\n${text}` : text;
  }
}
