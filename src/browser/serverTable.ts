/**
 * A `meta.k8s.io/v1` Table from the API server, shaped for the browser: the
 * columns `kubectl get` prints (priority 0, or all with wide), a NAMESPACE
 * column first across all namespaces as `kubectl get -A` adds, rows that
 * know which object they are, sorted by name.
 */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io';

export interface TableColumnModel {
  /** Upper-cased as kubectl prints headers. */
  header: string;
  name: string;
  priority: number;
  description: string;
}

export interface TableRowModel {
  uid: string;
  name: string;
  namespace?: string;
  cells: string[];
}

export interface TableModel {
  columns: TableColumnModel[];
  rows: TableRowModel[];
}

export type SortDirection = 'asc' | 'desc';

interface RawColumn {
  name?: unknown;
  format?: unknown;
  priority?: unknown;
  description?: unknown;
}

interface RawRow {
  cells?: unknown;
  object?: { metadata?: { name?: unknown; namespace?: unknown; uid?: unknown } } | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** kubectl prints a nil cell as nothing, everything else with %v. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The Table body, or undefined when it is not one (an error Status, a plain list). */
export function parseTable(body: unknown): { columns: RawColumn[]; rows: RawRow[] } | undefined {
  if (!isRecord(body) || body.kind !== 'Table' || !Array.isArray(body.columnDefinitions) || !Array.isArray(body.rows)) return undefined;
  return { columns: body.columnDefinitions.filter(isRecord) as RawColumn[], rows: body.rows.filter(isRecord) as RawRow[] };
}

/** Which object the `occurrence`-th row named `name` is, for Tables requested with includeObject=None. */
export type RowIdentifier = (name: string, occurrence: number) => { uid: string; namespace?: string } | undefined;

export interface TableModelOptions {
  wide: boolean;
  /** Add the NAMESPACE column (listing a namespaced kind across all namespaces). */
  withNamespace: boolean;
  sort: SortDirection;
  identify?: RowIdentifier;
}

/**
 * Identifies rows by name from the mirrored objects. A list is ordered by
 * namespace then name (its storage key), so the k-th row called `name` is
 * the k-th object of that name in namespace order.
 */
export function identifierFrom(objects: Iterable<{ metadata: { name?: string; namespace?: string; uid?: string } }>, namespace: string | null): RowIdentifier {
  const byName = new Map<string, Array<{ uid: string; namespace?: string }>>();
  for (const o of objects) {
    const m = o.metadata;
    if (!m.name || !m.uid) continue;
    if (namespace !== null && m.namespace !== namespace) continue;
    let list = byName.get(m.name);
    if (!list) byName.set(m.name, (list = []));
    list.push({ uid: m.uid, namespace: m.namespace });
  }
  for (const list of byName.values()) list.sort((a, b) => ((a.namespace ?? '') < (b.namespace ?? '') ? -1 : (a.namespace ?? '') > (b.namespace ?? '') ? 1 : 0));
  return (name, occurrence) => byName.get(name)?.[occurrence];
}

export function tableModel(body: unknown, opts: TableModelOptions): TableModel | undefined {
  const t = parseTable(body);
  if (!t) return undefined;
  const keep: number[] = [];
  const columns: TableColumnModel[] = [];
  t.columns.forEach((c, i) => {
    const priority = typeof c.priority === 'number' ? c.priority : 0;
    if (priority !== 0 && !opts.wide) return;
    const name = typeof c.name === 'string' ? c.name : '';
    keep.push(i);
    columns.push({ header: name.toUpperCase(), name, priority, description: typeof c.description === 'string' ? c.description : '' });
  });
  if (opts.withNamespace) columns.unshift({ header: 'NAMESPACE', name: 'Namespace', priority: 0, description: '' });
  // The Name column (format "name"); not always first: events lead with LAST SEEN.
  let nameIdx = t.columns.findIndex((c) => c.format === 'name' || c.name === 'Name');
  if (nameIdx < 0) nameIdx = 0;
  const seen = new Map<string, number>();
  const rows = t.rows.map((r, i): TableRowModel => {
    const cells = Array.isArray(r.cells) ? r.cells : [];
    const meta = r.object?.metadata ?? {};
    const name = typeof meta.name === 'string' ? meta.name : cellText(cells[nameIdx]);
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    const known = typeof meta.uid === 'string' ? undefined : opts.identify?.(name, occurrence);
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : known?.namespace;
    const uid = typeof meta.uid === 'string' ? meta.uid : (known?.uid ?? `${namespace ?? ''}/${name}#${i}`);
    const shown = keep.map((k) => cellText(cells[k]));
    if (opts.withNamespace) shown.unshift(namespace ?? '');
    return { uid, name, namespace, cells: shown };
  });
  const dir = opts.sort === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.name !== b.name) return a.name < b.name ? -dir : dir;
    const an = a.namespace ?? '';
    const bn = b.namespace ?? '';
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
  return { columns, rows };
}

/** The message of a Status error body, else `HTTP <code>`. */
export function errorMessage(status: number, body: unknown): string {
  if (isRecord(body) && typeof body.message === 'string' && body.message !== '') return body.message;
  return `HTTP ${status}`;
}
