/** Sizes of the shell's resizable panes, and the limits a drag or key press keeps them in. */
export type PanelId = 'left' | 'right' | 'dock';

export interface PaneState {
  /** Left sidebar width (resource browser), px. */
  left: number;
  /** Right panel width (inspector), px. */
  right: number;
  /** Bottom dock height (YAML editor), px. */
  dock: number;
  leftOpen: boolean;
  /** The right panel is shown while something is selected, or always when pinned open. */
  rightOpen: boolean;
  dockOpen: boolean;
}

export const DEFAULT_PANES: PaneState = { left: 300, right: 380, dock: 320, leftOpen: true, rightOpen: false, dockOpen: false };

export const PANE_LIMITS: Readonly<Record<PanelId, { min: number; max: number }>> = {
  left: { min: 200, max: 520 },
  right: { min: 260, max: 720 },
  dock: { min: 160, max: 720 },
};

/** The graph keeps at least this much room whatever the panes do. */
export const MIN_GRAPH_WIDTH = 360;
export const MIN_GRAPH_HEIGHT = 200;

/**
 * A pane size within its limits and leaving the graph its minimum, given the
 * room available along that axis (viewport width for sidebars, height below the header for the dock)
 * and what the other pane on that axis already takes.
 */
export function clampPane(panel: PanelId, size: number, available: number, others = 0): number {
  if (!Number.isFinite(size)) size = PANE_LIMITS[panel].min;
  const { min, max } = PANE_LIMITS[panel];
  const minGraph = panel === 'dock' ? MIN_GRAPH_HEIGHT : MIN_GRAPH_WIDTH;
  const room = Math.max(min, available - others - minGraph);
  return Math.round(Math.min(Math.max(size, min), max, room));
}

/** Arrow keys on a splitter move it by 16 px (64 with Shift), as drag handles in most editors do. */
export function keyboardResize(key: string, shift: boolean, panel: PanelId): number {
  const step = shift ? 64 : 16;
  // The left sidebar grows rightwards; the right panel grows leftwards; the dock grows upwards.
  const grow = panel === 'left' ? 'ArrowRight' : panel === 'right' ? 'ArrowLeft' : 'ArrowUp';
  const shrink = panel === 'left' ? 'ArrowLeft' : panel === 'right' ? 'ArrowRight' : 'ArrowDown';
  if (key === grow) return step;
  if (key === shrink) return -step;
  return 0;
}
