/**
 * Which rows of a long table to render: those in the scrolled viewport plus a margin. Tables at or under
 * `threshold` rows render whole (find-in-page and tests see every row); 1,000 pods render a screenful.
 */
export interface RowWindow {
  start: number;
  /** Exclusive. */
  end: number;
  /** Heights of the spacers standing in for the rows not rendered. */
  before: number;
  after: number;
}

export interface RowWindowInput {
  rows: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
  threshold?: number;
}

export const VIRTUALISE_ABOVE = 200;

export function rowWindow({ rows, rowHeight, scrollTop, viewportHeight, overscan = 10, threshold = VIRTUALISE_ABOVE }: RowWindowInput): RowWindow {
  const n = Math.max(0, Math.floor(rows));
  if (n <= threshold || !(rowHeight > 0)) return { start: 0, end: n, before: 0, after: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  // Before the first layout the viewport is unknown: a screenful of a tall sidebar.
  const height = viewportHeight > 0 ? viewportHeight : 40 * rowHeight;
  const first = Math.min(n, Math.floor(top / rowHeight));
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, Math.ceil((top + height) / rowHeight) + overscan);
  return { start: Math.min(start, end), end, before: Math.min(start, end) * rowHeight, after: (n - end) * rowHeight };
}
