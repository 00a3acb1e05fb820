/**
 * A lane's pods: painted on one canvas, with one transparent, focusable proxy
 * per pod on top. The proxies carry what the cards used to (role, accessible
 * name `Pod web-7d9f4-abcde Running`, pressed state, tooltip, data-* for
 * tests) and take the clicks, hovers and key presses where the pod is drawn,
 * so the canvas needs no hit-testing of its own. A proxy has no content, so
 * a state change costs an attribute, not a re-layout of text.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useRunAction } from '../actions/ActionsContext';
import { LEAVE_MS } from './buildGraph';
import { POD_H, POD_W } from './geometry';
import { createPaintLoop } from './paintLoop';
import { paletteFor } from './podPalette';
import { backingScale, paintPods, zoomStep } from './podPaint';
import type { PodCell } from './types';
import { useDocumentTheme } from './useDocumentTheme';

const loop = createPaintLoop((cb) => requestAnimationFrame(cb));
const selectZoomStep = (s: ReactFlowState) => zoomStep(s.transform[2]);

let reducedMotion: boolean | undefined;
function motionAllowed(): boolean {
  reducedMotion ??= typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return !reducedMotion;
}

const PodHit = memo(function PodHit({ cell }: { cell: PodCell }) {
  return (
    <div
      className="pod-hit"
      style={{ left: cell.x, top: cell.y, width: POD_W, height: POD_H }}
      role="button"
      tabIndex={0}
      aria-label={cell.label}
      aria-pressed={cell.selected}
      data-kind="Pod"
      data-uid={cell.uid}
      data-name={cell.name}
      data-state={cell.state}
      data-highlighted={cell.highlighted || undefined}
      title={`${cell.namespace}/${cell.name} — ${cell.reason} (${cell.ready} ready)`}
    />
  );
});

interface PodLayerProps {
  laneName: string;
  cells: readonly PodCell[];
  /** The lane's size in graph units: the canvas covers it. */
  width: number;
  height: number;
  far: boolean;
}

function PodLayerView({ laneName, cells, width, height, far }: PodLayerProps) {
  const run = useRunAction();
  const theme = useDocumentTheme();
  const zoom = useStore(selectZoomStep);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Ghosts of deleted pods are only painted: nothing to click, nothing to announce.
  const live = useMemo(() => cells.filter((c) => !c.leaving), [cells]);
  const byUid = useMemo(() => new Map(live.map((c) => [c.uid, c])), [live]);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const scale = backingScale(width, height, zoom * dpr);
    const w = Math.max(1, Math.ceil(width * scale));
    const h = Math.max(1, Math.ceil(height * scale));
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    const palette = paletteFor(el, theme);
    const motion = motionAllowed();
    const paint = (now: number) => paintPods(ctx, cells, palette, { scale, canvasWidth: w, canvasHeight: h, far, now, motion, leaveMs: LEAVE_MS });
    // Painted in the same commit as the proxies move; animation frames follow only while something fades.
    if (paint(performance.now())) loop.schedule(el, paint);
    else loop.cancel(el);
  }, [cells, width, height, far, zoom, theme]);

  useEffect(() => {
    const el = canvas.current;
    return () => {
      if (el) loop.cancel(el);
    };
  }, []);

  /** Selects the pod whose proxy the event came from; false when it came from elsewhere in the lane. */
  const pick = (e: MouseEvent | KeyboardEvent): boolean => {
    const target = (e.target as Element).closest('[data-uid]');
    const cell = target ? byUid.get(target.getAttribute('data-uid') ?? '') : undefined;
    if (!cell) return false;
    // The lane is a graph node too: the click is the pod's, not the node's.
    e.stopPropagation();
    void run('select', { kind: 'Pod', namespace: cell.namespace, name: cell.name, uid: cell.uid });
    return true;
  };

  return (
    <div
      className="lane-pods"
      role="group"
      aria-label={`Pods on ${laneName}`}
      onClick={pick}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && pick(e)) e.preventDefault();
      }}
    >
      {live.map((c) => (
        <PodHit key={c.uid} cell={c} />
      ))}
      {/* After the proxies, so it stacks above them without turning each into a layer of its own (pointer-events: none lets clicks through). */}
      <canvas ref={canvas} className="lane-canvas" style={{ width, height }} aria-hidden="true" />
    </div>
  );
}

export const PodLayer = memo(PodLayerView);
