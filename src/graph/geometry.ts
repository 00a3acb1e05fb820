/** Sizes of everything the graph draws, in graph units (px at zoom 1). */
export const POD_W = 172;
export const POD_H = 46;
export const POD_GAP = 10;
export const LANE_PAD = 14;
export const LANE_HEADER = 60;
export const LANE_GAP = 28;
/** A closed lane, or the Pending lane while it is empty; also the narrowest open lane (room for its header). */
export const LANE_CLOSED_W = 236;
export const LANE_CLOSED_H = LANE_HEADER + 12;

export const BAND_W = 200;
export const BAND_H = 58;
export const BAND_GAP_X = 24;
/** Room between a band row and the next, for the edges between them. */
export const BAND_ROW_GAP = 44;
export const BAND_TO_LANES = 72;

/** Pods per row a lane may use; the graph picks one so the whole picture is about 16:9. */
const COLUMN_STEPS = [1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 24, 32];
const TARGET_ASPECT = 16 / 9;

/**
 * Columns for the busiest open lane holding `slots` pods when `lanes` lanes
 * stand side by side. Quantized so the grid reflows only at a few thresholds,
 * not every time a pod comes or goes.
 */
export function laneColumns(slots: number, lanes: number): number {
  if (slots <= 0 || lanes <= 0) return COLUMN_STEPS[0];
  const ideal = Math.sqrt((TARGET_ASPECT * slots * (POD_H + POD_GAP)) / (lanes * (POD_W + POD_GAP)));
  return COLUMN_STEPS.find((c) => c >= ideal) ?? COLUMN_STEPS[COLUMN_STEPS.length - 1];
}

function gridWidth(columns: number): number {
  return columns * POD_W + (columns - 1) * POD_GAP;
}

export function openLaneWidth(columns: number): number {
  return Math.max(LANE_CLOSED_W, LANE_PAD * 2 + gridWidth(columns));
}

/**
 * Rows a lane makes room for: exact while lanes are short, then in steps of
 * four, so a lane does not resize (and get re-measured) for every row its pods fill.
 */
export function laneRows(rows: number): number {
  if (rows <= 6) return Math.max(1, rows);
  return Math.ceil(rows / 4) * 4;
}

export function openLaneHeight(rows: number): number {
  return LANE_HEADER + laneRows(rows) * (POD_H + POD_GAP) - POD_GAP + LANE_PAD;
}

/** Top-left of slot `slot` inside an open lane whose top-left is (x, y); the grid is centred in the lane. */
export function podPosition(x: number, y: number, slot: number, columns: number): { x: number; y: number } {
  const inset = (openLaneWidth(columns) - gridWidth(columns)) / 2;
  return {
    x: x + inset + (slot % columns) * (POD_W + POD_GAP),
    y: y + LANE_HEADER + Math.floor(slot / columns) * (POD_H + POD_GAP),
  };
}

/** Below this zoom, pod cards drop their text and read as coloured tiles. */
export const FAR_ZOOM = 0.42;
