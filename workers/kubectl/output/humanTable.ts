/**
 * kubectl's human-readable printer for server-side Tables. Mirrors
 * staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (PrintObj,
 * decorateTable, printTable): headers once per set of columns, priority > 0
 * columns only with -o wide, NAMESPACE first with -A, LABELS last with
 * --show-labels, `kind/` before names when several kinds are printed.
 */
import { formatLabels } from '../../api/selectors/labels';

export interface TableColumnDef {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

export interface ServerTable {
  kind?: string;
  columnDefinitions?: TableColumnDef[] | null;
  rows?: { cells: unknown[]; object?: { metadata?: { namespace?: string; labels?: Record<string, string>; name?: string } } | null }[];
  metadata?: { resourceVersion?: string };
}

export interface HumanOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** -L label columns. */
  columnLabels?: string[];
  /** `deployment.apps`: prefix for names when several kinds are printed. */
  kind?: string;
}

export class HumanPrinter {
  private lastColumns: TableColumnDef[] | undefined;
  private printedHeaders = false;

  constructor(private readonly opts: HumanOptions) {}

  /** The text for one Table (tab-separated cells; a TabWriter lays it out). `eventType` is for --output-watch-events. */
  print(table: ServerTable, eventType?: string): string {
    let noHeaders = !!this.opts.noHeaders;
    const defs = table.columnDefinitions ?? [];
    if (this.printedHeaders && (defs.length === 0 || sameColumns(defs, this.lastColumns))) noHeaders = true;
    let columns = defs;
    if (defs.length === 0) columns = this.lastColumns ?? [];
    else if (!sameColumns(defs, this.lastColumns)) {
      this.lastColumns = defs;
      this.printedHeaders = false;
    }
    const rows = (table.rows ?? []).map((r) => ({ cells: [...r.cells], object: r.object }));
    if (rows.length > 0) this.printedHeaders = true;
    const o = this.opts;
    const nameColumn = o.kind ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
    const decorated: TableColumnDef[] = [];
    if (o.withNamespace) decorated.push({ name: 'Namespace', type: 'string' });
    decorated.push(...columns);
    for (const l of o.columnLabels ?? []) decorated.push({ name: labelHeader(l), type: 'string' });
    if (o.showLabels) decorated.push({ name: 'Labels', type: 'string' });
    for (const row of rows) {
      if (nameColumn >= 0) row.cells[nameColumn] = `${o.kind}/${String(row.cells[nameColumn])}`;
      const m = row.object?.metadata;
      if (o.withNamespace) row.cells.unshift(m ? (m.namespace ?? '') : null);
      for (const l of o.columnLabels ?? []) row.cells.push(m?.labels?.[l] ?? '');
      if (o.showLabels) row.cells.push(m ? formatLabels(m.labels) : null);
    }
    if (eventType) {
      decorated.unshift({ name: 'Event', type: 'string' });
      for (const row of rows) row.cells.unshift(eventType);
    }
    return printTable(decorated, rows, noHeaders, !!o.wide);
  }
}

function sameColumns(a: TableColumnDef[], b: TableColumnDef[] | undefined): boolean {
  return !!b && JSON.stringify(a) === JSON.stringify(b);
}

/** formatLabelHeaders: the last path segment of a label key, upper-cased. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

function printTable(columns: TableColumnDef[], rows: { cells: unknown[] }[], noHeaders: boolean, wide: boolean): string {
  let out = '';
  const shown = (c: TableColumnDef) => wide || !c.priority;
  if (!noHeaders) {
    if (rows.length === 0) return '';
    out += `${columns
      .filter(shown)
      .map((c) => c.name.toUpperCase())
      .join('\t')}\n`;
  }
  for (const row of rows) {
    const cells: string[] = [];
    row.cells.forEach((cell, i) => {
      if (i >= columns.length || !shown(columns[i])) return;
      cells.push(cellText(cell));
    });
    out += `${cells.join('\t')}\n`;
  }
  return out;
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const brk = cell.search(/[\f\n\r]/);
    return brk >= 0 ? `${cell.slice(0, brk)}...` : cell;
  }
  if (typeof cell === 'object') return goSprint(cell);
  return String(cell);
}

/** fmt.Sprint of a JSON value (maps print as map[k:v], slices as [a b]). */
function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goSprint(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}
