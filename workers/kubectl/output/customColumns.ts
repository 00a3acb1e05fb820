/**
 * `-o custom-columns=NAME:.metadata.name,...`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go: each column is a
 * relaxed JSONPath (`a.b`, `.a.b`, `{a.b}`, `{.a.b}`); a column with no value
 * prints `<none>`, several values are comma-joined with Go's `%v`; the table
 * goes through kubectl's tabwriter.
 */
import { compileJsonPath, findJsonPathResults, JsonPathExecError, JsonPathSyntaxError, sprintV, type ListNode } from '../../jsonpath';
import { tabulate } from './tabwriter';

export interface CustomColumn {
  header: string;
  /** `{.metadata.name}` */
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression. */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec. */
export function customColumnsFromSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

/** NewCustomColumnsPrinterFromTemplate (`-o custom-columns-file=`): a header line and a spec line. */
export function customColumnsFromTemplate(text: string): CustomColumn[] {
  const lines = text.split('\n');
  const words = (l: string | undefined) => (l ?? '').split(/[\t\n\v\f\r ]+/).filter((w) => w !== '');
  if (lines.length < 1 || (lines.length === 1 && lines[0] === ''))
    throw new Error('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  if (lines.length < 2)
    throw new Error('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]) }));
}

/** printers.EscapeTerminal */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

function cell(parser: ListNode, obj: unknown): string {
  let values: unknown[][];
  try {
    values = findJsonPathResults(parser, obj, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathExecError) throw new Error(e.message);
    throw e;
  }
  const out: string[] = [];
  if (values.length === 0 || values[0].length === 0) out.push('<none>');
  for (const list of values) for (const v of list) out.push(escapeTerminal(sprintV(v)));
  return out.join(',');
}

/** Rows for `objects` under `columns`; the header once, unless noHeaders. */
export function printColumns(columns: CustomColumn[], objects: unknown[], opts: { noHeaders: boolean }): string {
  let text = '';
  if (!opts.noHeaders) text += `${columns.map((c) => c.header).join('\t')}\n`;
  const parsers = columns.map((c) => {
    try {
      return compileJsonPath(c.fieldSpec);
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) throw new Error(e.message);
      throw e;
    }
  });
  for (const obj of objects) text += `${parsers.map((p) => cell(p, obj)).join('\t')}\n`;
  return tabulate(text);
}

/** The text `kubectl get -o custom-columns=<spec>` prints for these objects. */
export function printCustomColumns(spec: string, objects: unknown[], opts: { noHeaders: boolean }): string {
  return printColumns(customColumnsFromSpec(spec), objects, opts);
}
