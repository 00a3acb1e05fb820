import { describe, it, expect } from 'vitest';
import { clampPane, keyboardResize, PANE_LIMITS, MIN_GRAPH_WIDTH } from './paneSizes';

describe('clampPane', () => {
  it('keeps a size within its limits', () => {
    expect(clampPane('left', 10, 1920)).toBe(PANE_LIMITS.left.min);
    expect(clampPane('left', 5000, 1920)).toBe(PANE_LIMITS.left.max);
    expect(clampPane('right', 400.4, 1920)).toBe(400);
  });

  it('leaves the graph its minimum width next to the other sidebar', () => {
    // 1280 wide, right panel 600: the left sidebar may take at most 1280 - 600 - MIN_GRAPH_WIDTH.
    expect(clampPane('left', 500, 1280, 600)).toBe(1280 - 600 - MIN_GRAPH_WIDTH);
  });

  it('never goes below the minimum even on a tiny screen', () => {
    expect(clampPane('dock', 300, 300)).toBe(PANE_LIMITS.dock.min);
  });

  it('treats a non-number as the minimum', () => {
    expect(clampPane('left', Number.NaN, 1920)).toBe(PANE_LIMITS.left.min);
  });
});

describe('keyboardResize', () => {
  it('grows each pane towards the graph', () => {
    expect(keyboardResize('ArrowRight', false, 'left')).toBe(16);
    expect(keyboardResize('ArrowLeft', false, 'right')).toBe(16);
    expect(keyboardResize('ArrowUp', true, 'dock')).toBe(64);
    expect(keyboardResize('ArrowDown', false, 'dock')).toBe(-16);
  });

  it('ignores other keys', () => {
    expect(keyboardResize('Enter', false, 'left')).toBe(0);
    expect(keyboardResize('ArrowUp', false, 'left')).toBe(0);
  });
});
