import type { KubeObject } from '../../workers/api/object';
import type { ResourceSpec } from '../cluster/resources';
import type { SelectedObject } from '../cluster/store';
import { useServerTable } from '../browser/useServerTable';
import { parseTable } from '../browser/serverTable';
import { StatusBadge } from '../ui/StatusBadge';
import { statusBadge } from './model/statusBadge';

interface HeaderProps {
  selected: SelectedObject;
  object: KubeObject | undefined;
  spec: ResourceSpec | undefined;
  onClose(): void;
}

/** Kind, name, namespace, and the status kubectl would print for it (from the server's Table row). */
export function InspectorHeader({ selected, object, spec, onClose }: HeaderProps) {
  const req =
    spec && object
      ? {
          verb: 'get' as const,
          group: spec.group,
          version: spec.version,
          resource: spec.resource,
          name: selected.name,
          ...(selected.namespace ? { namespace: selected.namespace } : {}),
        }
      : null;
  const table = useServerTable(req, object);
  const parsed = parseTable(table.body);
  const badge = parsed && parsed.rows[0] && Array.isArray(parsed.rows[0].cells) ? statusBadge(parsed.columns.map((c) => String(c.name ?? '')), parsed.rows[0].cells) : null;
  const terminating = object?.metadata.deletionTimestamp !== undefined && object.metadata.deletionTimestamp !== null;

  return (
    <header className="in-header">
      <div className="in-heading">
        <span className="in-kind" data-testid="inspector-kind">
          {selected.kind}
        </span>
        <h2 className="in-name" data-testid="inspector-name" title={selected.name}>
          {selected.name}
        </h2>
        <div className="in-meta">
          {selected.namespace && (
            <span className="in-ns" data-testid="inspector-namespace">
              namespace <strong>{selected.namespace}</strong>
            </span>
          )}
          {badge && (
            <span data-testid="inspector-status" data-status={badge.text} title={`${badge.column} as kubectl get prints it`}>
              <StatusBadge text={badge.text} tone={badge.tone} />
            </span>
          )}
          {terminating && badge?.text !== 'Terminating' && <StatusBadge text="Terminating" tone="warn" />}
        </div>
      </div>
      <button type="button" className="in-close" onClick={onClose} aria-label="Close inspector" data-testid="inspector-close">
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
}
