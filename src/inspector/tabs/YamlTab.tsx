import { memo, useMemo, useState } from 'react';
import type { KubeObject } from '../../../workers/api/object';
import { withoutManagedFields } from '../model/managedFields';
import { toYamlLines } from '../../../workers/kubectl/output/yaml/toYaml';

/** The object as `kubectl get -o yaml` prints it, coloured by token; managedFields hidden unless asked for. */
export const YamlTab = memo(function YamlTab({ object }: { object: KubeObject }) {
  const [showManaged, setShowManaged] = useState(false);
  const hasManaged = Array.isArray(object.metadata.managedFields) && object.metadata.managedFields.length > 0;
  const lines = useMemo(() => toYamlLines(showManaged ? object : withoutManagedFields(object)), [object, showManaged]);
  return (
    <div className="in-yaml">
      <div className="in-toolbar">
        <label className="in-toggle">
          <input type="checkbox" checked={showManaged} disabled={!hasManaged} onChange={(e) => setShowManaged(e.target.checked)} data-testid="yaml-managed-fields" />
          Show managedFields
        </label>
        <span className="in-muted">{lines.length} lines · read-only</span>
      </div>
      <pre className="in-code" data-testid="inspector-yaml" aria-label="YAML">
        <code>
          {lines.map((line, i) => (
            <span className="yl" key={i}>
              {line.map((t, j) => (
                <span key={j} className={`yt-${t.kind}`}>
                  {t.text}
                </span>
              ))}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
});
