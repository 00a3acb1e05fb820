import { describe, it, expect } from 'vitest';
import { rowWindow } from './virtualRows';

describe('rowWindow', () => {
  it('renders small tables whole', () => {
    expect(rowWindow({ rows: 161, rowHeight: 24, scrollTop: 2000, viewportHeight: 300 })).toEqual({ start: 0, end: 161, before: 0, after: 0 });
  });

  it('renders the viewport plus overscan of a long table, with spacers for the rest', () => {
    const w = rowWindow({ rows: 1000, rowHeight: 20, scrollTop: 2000, viewportHeight: 400, overscan: 5 });
    expect(w).toEqual({ start: 95, end: 125, before: 1900, after: 875 * 20 });
    expect(w.before + (w.end - w.start) * 20 + w.after).toBe(1000 * 20);
  });

  it('clamps at both ends', () => {
    expect(rowWindow({ rows: 1000, rowHeight: 20, scrollTop: -50, viewportHeight: 100, overscan: 2 })).toMatchObject({ start: 0, end: 7, before: 0 });
    const end = rowWindow({ rows: 1000, rowHeight: 20, scrollTop: 1e9, viewportHeight: 100, overscan: 2 });
    expect(end).toMatchObject({ end: 1000, after: 0 });
    expect(end.start).toBeLessThanOrEqual(end.end);
  });

  it('falls back to rendering everything for a bad row height, and a screenful before layout', () => {
    expect(rowWindow({ rows: 500, rowHeight: 0, scrollTop: 0, viewportHeight: 100 })).toMatchObject({ start: 0, end: 500 });
    expect(rowWindow({ rows: 500, rowHeight: Number.NaN, scrollTop: 0, viewportHeight: 100 })).toMatchObject({ end: 500 });
    expect(rowWindow({ rows: 500, rowHeight: 10, scrollTop: Number.NaN, viewportHeight: 0, overscan: 0 })).toEqual({ start: 0, end: 40, before: 0, after: 4600 });
  });
});
