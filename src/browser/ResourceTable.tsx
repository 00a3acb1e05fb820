/**
 * One kind as `kubectl get` prints it: the server's Table (its columns, its
 * cells), re-requested when the kind's objects change. Wide adds the
 * priority-1 columns; the NAME header sorts.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useKind } from '../cluster/ClusterContext';
import type { SelectedObject } from '../cluster/store';
import type { BrowserKind } from './resourceKinds';
import type { KubeObject } from '../../workers/api/object';
import { identifierFrom, tableModel, type SortDirection, type TableRowModel } from './serverTable';
import { useServerTable } from './useServerTable';

const SLIM_ROWS_ABOVE = 150;
const SLOW_REFRESH_MS = 1000;

function countIn(objects: Iterable<KubeObject>, namespace: string): number {
  let n = 0;
  for (const o of objects) if (o.metadata.namespace === namespace) n++;
  return n;
}

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
  const objects = useKind(kind.kind);
  // Row metadata (with managedFields) costs ~2.5 KB a row to send from the worker; past a few hundred rows
  // ask for cells only and find each row's object in the mirror by name.
  const inScope = useMemo(() => (namespace === null ? objects.size : countIn(objects.values(), namespace)), [objects, namespace]);
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

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, r: TableRowModel) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(r);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.currentTarget;
      const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
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
      <div className="rb-table-scroll">
        <table className="rb-table" aria-label={`${kind.label} in ${where}`}>
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
            {model?.rows.map((r) => {
              const isSelected = selected?.uid === r.uid && selected.kind === kind.kind;
              return (
                <tr
                  key={r.uid}
                  tabIndex={0}
                  className={isSelected ? 'rb-row rb-row-selected' : 'rb-row'}
                  aria-current={isSelected ? 'true' : undefined}
                  data-testid="browser-row"
                  data-name={r.name}
                  data-namespace={r.namespace ?? ''}
                  onClick={() => select(r)}
                  onKeyDown={(e) => onRowKey(e, r)}
                >
                  {r.cells.map((cell, i) => (
                    <td key={i} className={i === nameCol ? 'rb-cell-name' : undefined} title={cell}>
                      {cell}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
