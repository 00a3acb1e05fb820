/**
 * One kind as `kubectl get` prints it: the server's Table (its columns, its
 * cells), re-requested when the kind's objects change. Wide adds the
 * priority-1 columns; the NAME header sorts.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { selectKind, type SelectedObject } from '../cluster/store';
import type { BrowserKind } from './resourceKinds';
import { countInNamespace } from './counts';
import { identifierFrom, tableModel, type SortDirection, type TableRowModel } from './serverTable';
import { useServerTable } from './useServerTable';
import { useThrottledClusterState } from './useThrottledClusterState';
import { rowWindow } from './virtualRows';

const DEFAULT_ROW_PX = 24;

const SLIM_ROWS_ABOVE = 150;
const SLOW_REFRESH_MS = 1000;


interface ResourceTableProps {
  kind: BrowserKind;
  /** null: all namespaces (or a cluster-scoped kind). */
  namespace: string | null;
  selected: SelectedObject | null;
  onSelect(selected: SelectedObject): void;
}

export function ResourceTable({ kind, namespace, selected, onSelect }: ResourceTableProps) {
  const [wide, setWide] = useState(false);
  const [sort, setSort] = useState<SortDirection>('asc');
  // Throttled: a rollout changes the kind every frame; the server Table is re-requested at most every second anyway.
  const selectObjects = useMemo(() => selectKind(kind.kind), [kind.kind]);
  const objects = useThrottledClusterState(selectObjects);
  // Row metadata (with managedFields) costs ~2.5 KB a row to send from the worker; past a few hundred rows
  // ask for cells only and find each row's object in the mirror by name.
  const inScope = useMemo(() => (namespace === null ? objects.size : countInNamespace(objects, namespace)), [objects, namespace]);
  const slim = inScope > SLIM_ROWS_ABOVE;
  const req = {
    verb: 'list' as const,
    group: kind.group,
    version: kind.version,
    resource: kind.resource,
    ...(namespace !== null ? { namespace } : {}),
    query: { includeObject: slim ? 'None' : 'Metadata' },
  };
  const table = useServerTable(req, objects, slim ? SLOW_REFRESH_MS : undefined);
  const withNamespace = kind.namespaced && namespace === null;
  const identify = useMemo(() => (slim ? identifierFrom(objects.values(), namespace) : undefined), [slim, objects, namespace]);
  const model = useMemo(() => tableModel(table.body, { wide, withNamespace, sort, identify }), [table.body, wide, withNamespace, sort, identify]);

  const select = (r: TableRowModel) => onSelect({ kind: kind.kind, namespace: r.namespace ?? '', name: r.name, uid: r.uid });

  // Long tables render only the rows in view (plus a margin); spacer rows keep the scroll height true.
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0, rowPx: DEFAULT_ROW_PX });
  const measure = () => {
    const el = scrollRef.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('tr.rb-row');
    const rowPx = row?.offsetHeight || DEFAULT_ROW_PX;
    setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight && v.rowPx === rowPx ? v : { top: el.scrollTop, height: el.clientHeight, rowPx }));
  };
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => measure());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const rowCount = model?.rows.length ?? 0;
  const win = rowWindow({ rows: rowCount, rowHeight: view.rowPx, scrollTop: view.top, viewportHeight: view.height });
  const virtual = win.end - win.start < rowCount;
  useLayoutEffect(measure, [rowCount > 0]);

  // Arrow keys move by index, so they reach rows not rendered yet: scroll there, then focus once drawn.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusIndex === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr.rb-row[data-index="${focusIndex}"]`);
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView?.({ block: 'nearest' });
    setFocusIndex(null);
  });

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, r: TableRowModel, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(r);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = index + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rowCount) return;
      const el = scrollRef.current;
      if (el && (next < win.start || next >= win.end)) el.scrollTop = next * view.rowPx - el.clientHeight / 2;
      setFocusIndex(next);
    }
  };

  const where = kind.namespaced ? (namespace === null ? 'all namespaces' : namespace) : 'cluster';
  const nameCol = model?.columns.findIndex((c) => c.name === 'Name') ?? -1;

  return (
    <div className="rb-table-wrap" data-testid="browser-table" data-kind={kind.kind}>
      <div className="rb-table-bar">
        <h3 className="rb-table-title">
          {kind.label} <span className="rb-table-where">· {where}</span>
        </h3>
        <label className="rb-toggle">
          <input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} data-testid="browser-wide" />
          Wide
        </label>
      </div>
      {table.error && (
        <p className="rb-error" role="alert">
          {table.error}
        </p>
      )}
      <div className="rb-table-scroll" ref={scrollRef} onScroll={measure}>
        <table className="rb-table" aria-label={`${kind.label} in ${where}`} aria-rowcount={virtual ? rowCount + 1 : undefined}>
          {model && (
            <thead>
              <tr>
                {model.columns.map((c, i) =>
                  i === nameCol ? (
                    <th key={c.name} scope="col" aria-sort={sort === 'asc' ? 'ascending' : 'descending'} title={c.description}>
                      <button
                        type="button"
                        className="rb-sort"
                        onClick={() => setSort((s) => (s === 'asc' ? 'desc' : 'asc'))}
                        aria-label={`Sort by name, ${sort === 'asc' ? 'descending' : 'ascending'}`}
                        data-testid="browser-sort-name"
                      >
                        {c.header}
                        <span aria-hidden="true" className="rb-sort-arrow">
                          {sort === 'asc' ? '▲' : '▼'}
                        </span>
                      </button>
                    </th>
                  ) : (
                    <th key={c.name} scope="col" title={c.description}>
                      {c.header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
          )}
          <tbody>
            {!model && (
              <tr className="rb-empty">
                <td>{table.loading ? 'Loading…' : 'No table.'}</td>
              </tr>
            )}
            {model && model.rows.length === 0 && (
              <tr className="rb-empty">
                <td colSpan={model.columns.length}>
                  No {kind.label.toLowerCase()} in {where}.
                </td>
              </tr>
            )}
            {virtual && win.before > 0 && (
              <tr aria-hidden="true" className="rb-spacer" style={{ height: win.before }}>
                <td colSpan={model?.columns.length} />
              </tr>
            )}
            {model?.rows.slice(win.start, win.end).map((r, i) => {
              const index = win.start + i;
              const isSelected = selected?.uid === r.uid && selected.kind === kind.kind;
              return (
                <tr
                  key={r.uid}
                  tabIndex={0}
                  data-index={index}
                  aria-rowindex={virtual ? index + 2 : undefined}
                  className={isSelected ? 'rb-row rb-row-selected' : 'rb-row'}
                  aria-current={isSelected ? 'true' : undefined}
                  data-testid="browser-row"
                  data-name={r.name}
                  data-namespace={r.namespace ?? ''}
                  onClick={() => select(r)}
                  onKeyDown={(e) => onRowKey(e, r, index)}
                >
                  {r.cells.map((cell, i) => (
                    <td key={i} className={i === nameCol ? 'rb-cell-name' : undefined} title={cell}>
                      {cell}
                    </td>
                  ))}
                </tr>
              );
            })}
            {virtual && win.after > 0 && (
              <tr aria-hidden="true" className="rb-spacer" style={{ height: win.after }}>
                <td colSpan={model?.columns.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
