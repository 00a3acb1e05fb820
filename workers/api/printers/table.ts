/**
 * The `meta.k8s.io/v1` Table the API server answers with when the client
 * asks for `as=Table`. Mirrors pkg/printers/tablegenerator.go GenerateTable
 * and staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go asTable:
 * each row carries the object as PartialObjectMetadata by default, the whole
 * object with includeObject=Object, nothing with includeObject=None.
 */
import { badRequest, type Status } from '../status';
import type { KubeObject, ObjectMeta } from '../object';
import type { Printer, TableColumn, TableRowCondition } from './types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';
export type TableGroupVersion = 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: TableGroupVersion;
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object: KubeObject | PartialObjectMetadata | null;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface Table {
  kind: 'Table';
  apiVersion: TableGroupVersion;
  metadata: ListMeta;
  /** null when headers were not asked for (later events of a watch). */
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

export interface TableOptions {
  noHeaders?: boolean;
  includeObject?: IncludeObject;
  /** The list's metadata, or for one object its resourceVersion. */
  listMeta: ListMeta;
  /** Which Table the client negotiated; v1 unless it asked for v1beta1. */
  apiVersion?: TableGroupVersion;
}

/** metav1.TableColumnDefinition as JSON: every field present, format '' when unset. */
export function columnDefinitions(columns: TableColumn[]): TableColumnDefinition[] {
  return columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority }));
}

/**
 * TableOptions.includeObject from the query string: absent or '' means
 * Metadata; anything unknown is a 400, worded as response.go words it.
 */
export function parseIncludeObject(value: string | undefined): IncludeObject | Status {
  if (value === undefined || value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  return badRequest(`unrecognized includeObject value: ${JSON.stringify(value)}`);
}

function listMetaJson(m: ListMeta): ListMeta {
  const out: ListMeta = {};
  if (m.resourceVersion) out.resourceVersion = m.resourceVersion;
  if (m.continue) out.continue = m.continue;
  if (m.remainingItemCount !== undefined && m.remainingItemCount !== null) out.remainingItemCount = m.remainingItemCount;
  return out;
}

function rowObject(obj: KubeObject, include: IncludeObject, apiVersion: TableGroupVersion): TableRow['object'] {
  switch (include) {
    case 'None':
      return null;
    case 'Object':
      return obj;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion, metadata: obj.metadata };
  }
}

/** Converts objects (a list, or one object) into a Table with one row each. */
export function buildTable(printer: Printer, objects: readonly KubeObject[], nowMs: number, opts: TableOptions): Table {
  const apiVersion = opts.apiVersion ?? 'meta.k8s.io/v1';
  const include = opts.includeObject ?? 'Metadata';
  const rows = objects.map((obj): TableRow => {
    const row: TableRow = { cells: printer.row(obj, nowMs), object: rowObject(obj, include, apiVersion) };
    const conditions = printer.conditions?.(obj);
    if (conditions && conditions.length > 0) return { cells: row.cells, conditions, object: row.object };
    return row;
  });
  return {
    kind: 'Table',
    apiVersion,
    metadata: listMetaJson(opts.listMeta),
    columnDefinitions: opts.noHeaders ? null : columnDefinitions(printer.columns),
    rows,
  };
}

/**
 * Table encoding for a watch: one single-row Table per event, with column
 * definitions only on the first (handlers/watch.go watchEmbeddedEncoder turns
 * NoHeaders on after the first object it encodes).
 */
export function watchTableEncoder(
  printer: Printer,
  opts: { includeObject?: IncludeObject; apiVersion?: TableGroupVersion; noHeaders?: boolean },
): (obj: KubeObject, nowMs: number) => Table {
  let noHeaders = opts.noHeaders ?? false;
  return (obj, nowMs) => {
    const table = buildTable(printer, [obj], nowMs, {
      noHeaders,
      includeObject: opts.includeObject,
      apiVersion: opts.apiVersion,
      listMeta: { resourceVersion: obj.metadata?.resourceVersion },
    });
    noHeaders = true;
    return table;
  };
}
