import { describe, it, expect } from 'vitest';
import { menuPlacement } from './ExamplesMenu';

describe('menuPlacement', () => {
  it('opens upwards from a toolbar near the bottom of the window', () => {
    expect(menuPlacement({ left: 500, top: 430, bottom: 462 }, 1280, 720)).toEqual({ left: 500, bottom: 296, maxHeight: 416 });
  });

  it('opens downwards when there is room below, and stays inside the window', () => {
    expect(menuPlacement({ left: 1100, top: 60, bottom: 92 }, 1280, 720)).toEqual({ left: 832, top: 98, maxHeight: 480 });
  });
});
