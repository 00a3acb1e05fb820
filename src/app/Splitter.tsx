import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useUiStore } from './UiContext';
import { clampPane, keyboardResize, PANE_LIMITS, type PanelId } from './paneSizes';

const NAMES: Record<PanelId, string> = { left: 'Resize the resources sidebar', right: 'Resize the inspector', dock: 'Resize the dock' };

/** Room along the splitter's axis, and what the other pane on that axis takes. */
function room(panel: PanelId, panes: { left: number; right: number; leftOpen: boolean }, rightShown: boolean): { available: number; others: number } {
  if (panel === 'dock') {
    const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 56;
    return { available: window.innerHeight - header, others: 0 };
  }
  const others = panel === 'left' ? (rightShown ? panes.right : 0) : panes.leftOpen ? panes.left : 0;
  return { available: document.documentElement.clientWidth, others };
}

/** A drag handle between two panes; arrow keys move it too. */
export function Splitter({ panel, rightShown }: { panel: PanelId; rightShown: boolean }) {
  const ui = useUiStore();
  const drag = useRef<{ start: number; size: number } | null>(null);
  const vertical = panel !== 'dock';
  const size = ui.getState().panes[panel];

  const resize = (next: number) => {
    const panes = ui.getState().panes;
    const { available, others } = room(panel, panes, rightShown);
    const clamped = clampPane(panel, next, available, others);
    if (clamped !== panes[panel]) ui.setState({ panes: { ...panes, [panel]: clamped } });
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: vertical ? e.clientX : e.clientY, size: ui.getState().panes[panel] };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const delta = (vertical ? e.clientX : e.clientY) - d.start;
    // Left grows with the pointer; right and dock grow against it.
    resize(panel === 'left' ? d.size + delta : d.size - delta);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = keyboardResize(e.key, e.shiftKey, panel);
    if (step === 0) return;
    e.preventDefault();
    resize(ui.getState().panes[panel] + step);
  };

  return (
    <div
      className={`splitter splitter-${vertical ? 'vertical' : 'horizontal'}`}
      role="separator"
      tabIndex={0}
      aria-label={NAMES[panel]}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuemin={PANE_LIMITS[panel].min}
      aria-valuemax={PANE_LIMITS[panel].max}
      aria-valuenow={size}
      data-testid={`splitter-${panel}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
