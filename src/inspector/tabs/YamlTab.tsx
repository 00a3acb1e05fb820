import { memo, useEffect, useMemo, useState } from 'react';
import type { KubeObject } from '../../../workers/api/object';
import { withoutManagedFields } from '../model/managedFields';
import { toYamlLines } from '../../../workers/kubectl/output/yaml/toYaml';
import { useClusterSession } from '../../cluster/ClusterContext';
import { resourceForKind } from '../../cluster/resources';
import { browserKind } from '../../browser/resourceKinds';

/**
 * The page's watches leave managedFields out (they are most of an object's size); asked for, they come
 * from a GET of the object, made while the tab is open (so the toggle shows them at once) and re-made
 * when the mirrored object changes.
 */
function useWithManagedFields(object: KubeObject): KubeObject | null {
  const { client } = useClusterSession();
  const [fetched, setFetched] = useState<{ for: KubeObject; object: KubeObject } | null>(null);
  const has = Array.isArray(object.metadata.managedFields);
  useEffect(() => {
    if (has) return;
    const spec = browserKind(object.kind ?? '') ?? resourceForKind(object.kind ?? '');
    if (!spec || !object.metadata.name) return;
    let alive = true;
    void client
      .request({
        verb: 'get',
        group: spec.group,
        version: spec.version,
        resource: spec.resource,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
        name: object.metadata.name,
      })
      .then((res) => {
        if (alive && res.status === 200) setFetched({ for: object, object: res.body as KubeObject });
      });
    return () => {
      alive = false;
    };
  }, [client, object, has]);
  if (has) return object;
  return fetched?.for === object ? fetched.object : null;
}

/** The object as `kubectl get -o yaml` prints it, coloured by token; managedFields hidden unless asked for. */
export const YamlTab = memo(function YamlTab({ object }: { object: KubeObject }) {
  const [showManaged, setShowManaged] = useState(false);
  const full = useWithManagedFields(object);
  const lines = useMemo(() => toYamlLines(showManaged && full ? full : withoutManagedFields(object)), [object, full, showManaged]);
  return (
    <div className="in-yaml">
      <div className="in-toolbar">
        <label className="in-toggle">
          <input type="checkbox" checked={showManaged} onChange={(e) => setShowManaged(e.target.checked)} data-testid="yaml-managed-fields" />
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
