/** What the Namespaces panel shows; mirrors printNamespace in pkg/printers/internalversion/printers.go. */
import type { KubeObject } from '../../workers/api/object';

export interface NamespaceRow {
  uid: string;
  name: string;
  /** status.phase as stored: `Active` or `Terminating` (empty if the server has not set it). */
  phase: string;
}

export function namespaceRow(obj: KubeObject): NamespaceRow {
  const status = obj.status as { phase?: unknown } | undefined;
  return {
    uid: obj.metadata.uid ?? obj.metadata.name ?? '',
    name: obj.metadata.name ?? '',
    phase: typeof status?.phase === 'string' ? status.phase : '',
  };
}

export function namespaceRows(namespaces: Iterable<KubeObject>): NamespaceRow[] {
  return [...namespaces].map(namespaceRow).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
