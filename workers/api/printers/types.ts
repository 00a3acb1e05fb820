/**
 * Server-side printing, as `meta.k8s.io/v1` Table: column definitions and a
 * row function per kind. Upstream: pkg/printers/internalversion/printers.go.
 */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0 = shown by default; >0 = only with -o wide. */
  priority: number;
}
