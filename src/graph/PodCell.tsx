import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { RunAction } from '../actions/ActionsContext';
import { POD_H, POD_W } from './geometry';
import type { PodCell as PodCellData } from './types';

/** Pods seen for less than this animate in; older ones (or ones scrolled back into view) just appear. */
const ENTER_MS = 700;

interface PodCellProps {
  cell: PodCellData;
  run: RunAction;
  /** Zoomed far out: a coloured tile, no text (a thousand unreadable labels only cost layout). */
  far: boolean;
}

/** One pod card inside its lane: coloured by state, labelled like kubectl's STATUS, a button that selects it. */
function PodCellView({ cell, run, far }: PodCellProps) {
  // Far out, a thousand cards animating in cost more than anyone can see.
  const entering = !far && performance.now() - cell.seenAt < ENTER_MS;
  const select = (e: MouseEvent | KeyboardEvent) => {
    // The lane is a graph node too: the click is the pod's, not the node's.
    e.stopPropagation();
    if (!cell.leaving) void run('select', { kind: 'Pod', namespace: cell.namespace, name: cell.name, uid: cell.uid });
  };
  const cls = `pod-card state-${cell.state}${entering ? ' is-entering' : ''}${cell.leaving ? (far ? ' is-gone' : ' is-leaving') : ''}${cell.selected ? ' is-selected' : ''}`;
  return (
    <div
      className={cls}
      style={{ transform: `translate(${cell.x}px, ${cell.y}px)`, width: POD_W, height: POD_H }}
      role="button"
      tabIndex={cell.leaving ? -1 : 0}
      aria-label={cell.label}
      aria-pressed={cell.selected}
      aria-disabled={cell.leaving || undefined}
      data-kind="Pod"
      data-name={cell.name}
      data-state={cell.state}
      title={`${cell.namespace}/${cell.name} — ${cell.reason} (${cell.ready} ready)`}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(e);
        }
      }}
    >
      {!far && (
        <>
          <span className="pod-dot" aria-hidden="true" />
          <span className="pod-text" aria-hidden="true">
            <span className="pod-name">{cell.short}</span>
            <span className="pod-reason">
              {cell.reason}
              {cell.restarts > 0 && <span className="pod-restarts"> ↻{cell.restarts}</span>}
            </span>
          </span>
        </>
      )}
    </div>
  );
}

export const PodCell = memo(PodCellView);
