/**
 * The resource browser: a namespace picker, every kind with its count, and
 * the chosen kind as the server prints it (`kubectl get`), kept live.
 * Clicking a row (or Enter on it) selects the object for the inspector.
 */
import { useCallback, useMemo, useState } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState } from '../cluster/ClusterContext';
import type { ClusterState, SelectedObject } from '../cluster/store';
import { countKind, namespaceNames, visibleKinds } from './counts';
import { BROWSER_KINDS, SECTIONS, browserKind, type BrowserKind } from './resourceKinds';
import { ResourceTable } from './ResourceTable';
import { useEnsureMirrored } from './useEnsureMirrored';
import { useThrottledClusterState } from './useThrottledClusterState';
import './browser.css';

export interface ResourceBrowserProps {
  /** Defaults to the store's selection. */
  selected?: SelectedObject | null;
  /** Defaults to the `select` action. */
  onSelect?: (selected: SelectedObject | null) => void;
  /** The kind listed first (default Pod). */
  initialKind?: string;
  /** The namespace shown first; null for all namespaces (default `default`). */
  initialNamespace?: string | null;
}

const ALL = '*';
const selectObjects = (s: ClusterState) => s.objects;

export function ResourceBrowser(props: ResourceBrowserProps) {
  useEnsureMirrored(BROWSER_KINDS);
  const storeSelected = useClusterState((s) => s.selected);
  const selected = props.selected === undefined ? storeSelected : props.selected;
  const onSelectProp = props.onSelect;
  const run = useRunAction();
  const onSelect = useCallback(
    (sel: SelectedObject | null) => {
      if (onSelectProp) onSelectProp(sel);
      else void run('select', sel);
    },
    [onSelectProp, run],
  );

  const [kind, setKind] = useState<BrowserKind>(() => browserKind(props.initialKind ?? 'Pod') ?? BROWSER_KINDS[0]);
  const [namespace, setNamespace] = useState<string | null>(props.initialNamespace === undefined ? 'default' : props.initialNamespace);
  // Throttled: during churn the store changes every frame; counts a few times a second read the same.
  const objects = useThrottledClusterState(selectObjects);
  const namespaces = useMemo(() => namespaceNames(objects, namespace), [objects, namespace]);
  const [showEmpty, setShowEmpty] = useState(false);
  const counts = useMemo(() => new Map(BROWSER_KINDS.map((k) => [k.kind, countKind(objects, k, namespace)])), [objects, namespace]);
  const visible = visibleKinds(BROWSER_KINDS, counts, kind.kind, showEmpty);
  const hidden = BROWSER_KINDS.length - visible.length;

  return (
    <section className="rb" aria-label="Resource browser" data-testid="resource-browser">
      <header className="rb-header">
        <h2 className="rb-title">Resources</h2>
        <label className="rb-ns">
          <span className="rb-ns-label">Namespace</span>
          <select
            className="rb-ns-select"
            data-testid="browser-namespace"
            value={namespace ?? ALL}
            onChange={(e) => setNamespace(e.target.value === ALL ? null : e.target.value)}
          >
            <option value={ALL}>All namespaces</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </header>

      <nav className="rb-kinds" aria-label="Kinds">
        {SECTIONS.filter((section) => visible.some((k) => k.section === section)).map((section) => (
          <div className="rb-section" key={section} role="group" aria-label={section}>
            <h3 className="rb-section-title">{section}</h3>
            <div className="rb-chips">
              {visible.filter((k) => k.section === section).map((k) => {
                const n = counts.get(k.kind) ?? 0;
                const current = k.kind === kind.kind;
                return (
                  <button
                    key={k.kind}
                    type="button"
                    className={`rb-chip${current ? ' rb-chip-current' : ''}${n === 0 ? ' rb-chip-empty' : ''}`}
                    aria-pressed={current}
                    aria-label={`${k.label}: ${n}`}
                    data-testid="browser-kind"
                    data-kind={k.kind}
                    data-count={n}
                    onClick={() => setKind(k)}
                  >
                    <span className="rb-chip-label">{k.label}</span>
                    <span className="rb-chip-count">{n}</span>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
        {(hidden > 0 || showEmpty) && (
          <button type="button" className="rb-more" onClick={() => setShowEmpty((v) => !v)} aria-expanded={showEmpty} data-testid="browser-show-empty">
            {showEmpty ? 'Hide empty kinds' : `Show ${hidden} empty ${hidden === 1 ? 'kind' : 'kinds'}`}
          </button>
        )}
      </nav>

      <ResourceTable kind={kind} namespace={kind.namespaced ? namespace : null} selected={selected} onSelect={onSelect} />
    </section>
  );
}
