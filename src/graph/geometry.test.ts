import { describe, it, expect } from 'vitest';
import { laneColumns, laneRows, openLaneHeight, openLaneWidth, podPosition, LANE_HEADER, LANE_PAD, POD_GAP, POD_H, POD_W } from './geometry';

describe('laneColumns', () => {
  it('uses one column for small lanes and more as lanes fill', () => {
    expect(laneColumns(0, 3)).toBe(1);
    expect(laneColumns(3, 3)).toBe(1);
    expect(laneColumns(20, 3)).toBeGreaterThan(1);
    const c334 = laneColumns(334, 3);
    expect(c334).toBeGreaterThanOrEqual(6);
    expect(c334).toBeLessThanOrEqual(12);
  });

  it('does not change for small differences in pod count', () => {
    expect(laneColumns(10, 3)).toBe(laneColumns(11, 3));
  });

  it('keeps a 1,000-pod cluster roughly 16:9', () => {
    const lanes = 3;
    const perLane = 334;
    const cols = laneColumns(perLane, lanes);
    const w = lanes * openLaneWidth(cols);
    const h = openLaneHeight(Math.ceil(perLane / cols));
    expect(w / h).toBeGreaterThan(1);
    expect(w / h).toBeLessThan(3.5);
  });
});

describe('podPosition', () => {
  it('fills rows left to right', () => {
    expect(podPosition(100, 50, 0, 2)).toEqual({ x: 100 + LANE_PAD, y: 50 + LANE_HEADER });
    expect(podPosition(100, 50, 3, 2)).toEqual({ x: 100 + LANE_PAD + POD_W + POD_GAP, y: 50 + LANE_HEADER + POD_H + POD_GAP });
  });

  it('centres a one-column grid in the narrowest lane', () => {
    const p = podPosition(0, 0, 0, 1);
    expect(p.x * 2 + POD_W).toBe(openLaneWidth(1));
  });
});

describe('laneRows', () => {
  it('is exact for short lanes and steps by four beyond', () => {
    expect(laneRows(0)).toBe(1);
    expect(laneRows(5)).toBe(5);
    expect(laneRows(7)).toBe(8);
    expect(laneRows(8)).toBe(8);
    expect(laneRows(9)).toBe(12);
  });
});
