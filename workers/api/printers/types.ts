/**
 * Server-side printing, as `meta.k8s.io/v1` Table: column definitions and a
 * row function per kind. Upstream: pkg/printers/internalversion/printers.go.
 */
import type { KubeObject } from '../object';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0 = shown by default; >0 = only with -o wide. */
  priority: number;
}

/** metav1.TableRowCondition: upstream only ever sets `Completed` (finished pods). */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/**
 * One kind's table: the columns and the cells of one object. The API server
 * always prints with `Wide: true` (pkg/printers/storage/storage.go), so `row`
 * returns a cell for every column, priority 1 included.
 */
export interface Printer {
  columns: TableColumn[];
  row(obj: KubeObject, nowMs: number): unknown[];
  /** Row conditions, when the kind has any (pods that completed or failed). */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}
