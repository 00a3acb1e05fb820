import { describe, it, expect } from 'vitest';
import { EMPTY_FEED, FOLLOWING, followReducer, isAtBottom, receiveNewer, receiveOlder, resetFeed, visibleRange } from './feed';
import { entry } from './fixtures';

const ids = (f: { entries: readonly { id: number }[] }) => f.entries.map((e) => e.id);

describe('feed', () => {
  it('appends newer entries in id order, dropping ones already held', () => {
    let f = resetFeed(1);
    f = receiveNewer(f, [entry(3), entry(1), entry(2)]);
    expect(ids(f)).toEqual([1, 2, 3]);
    expect(f.cursor).toBe(3);
    f = receiveNewer(f, [entry(2), entry(3), entry(4), entry(4)]);
    expect(ids(f)).toEqual([1, 2, 3, 4]);
  });

  it('moves the cursor even when the filtered page is empty, and keeps identity when nothing changes', () => {
    const f = receiveNewer(resetFeed(1), [entry(1)]);
    const moved = receiveNewer(f, [], 9);
    expect(moved.cursor).toBe(9);
    expect(moved.entries).toBe(f.entries);
    expect(receiveNewer(moved, [], 5)).toBe(moved);
  });

  it('drops the oldest beyond the cap and remembers there is more', () => {
    const f = receiveNewer(resetFeed(1), [1, 2, 3, 4, 5].map((i) => entry(i)), undefined, 3);
    expect(ids(f)).toEqual([3, 4, 5]);
    expect(f.hasOlder).toBe(true);
  });

  it('prepends an older page given newest first', () => {
    let f = receiveNewer(resetFeed(1), [entry(5), entry(6)]);
    f = receiveOlder(f, [entry(4), entry(3), entry(6)], true);
    expect(ids(f)).toEqual([3, 4, 5, 6]);
    expect(f.hasOlder).toBe(true);
    f = receiveOlder(f, [], false);
    expect(f.hasOlder).toBe(false);
    // A first page into an empty feed also sets the cursor.
    const first = receiveOlder(resetFeed(2), [entry(9), entry(8)], false);
    expect(ids(first)).toEqual([8, 9]);
    expect(first.cursor).toBe(9);
    expect(EMPTY_FEED.generation).toBe(-1);
  });
});

describe('follow mode', () => {
  it('follows until the user scrolls up, counts what arrives meanwhile, and follows again at the bottom', () => {
    let s = FOLLOWING;
    s = followReducer(s, { type: 'arrived', count: 5 });
    expect(s).toBe(FOLLOWING);
    s = followReducer(s, { type: 'scrolled', atBottom: false });
    expect(s).toEqual({ follow: false, unseen: 0 });
    s = followReducer(s, { type: 'arrived', count: 2 });
    s = followReducer(s, { type: 'arrived', count: 3 });
    expect(s).toEqual({ follow: false, unseen: 5 });
    s = followReducer(s, { type: 'scrolled', atBottom: true });
    expect(s).toEqual(FOLLOWING);
  });

  it('picking an entry stops following; jump to latest resumes', () => {
    let s = followReducer(FOLLOWING, { type: 'picked' });
    expect(s.follow).toBe(false);
    s = followReducer(s, { type: 'arrived', count: 1 });
    s = followReducer(s, { type: 'jumpToLatest' });
    expect(s).toEqual(FOLLOWING);
    expect(followReducer(FOLLOWING, { type: 'jumpToLatest' })).toBe(FOLLOWING);
    expect(followReducer(s, { type: 'arrived', count: 0 })).toBe(s);
  });

  it('knows the bottom within a little slack', () => {
    expect(isAtBottom(900, 1200, 300)).toBe(true);
    expect(isAtBottom(880, 1200, 300)).toBe(true);
    expect(isAtBottom(800, 1200, 300)).toBe(false);
    // Content shorter than the viewport is always at the bottom.
    expect(isAtBottom(0, 100, 300)).toBe(true);
  });
});

describe('visibleRange', () => {
  it('renders the rows in view plus overscan, clamped', () => {
    expect(visibleRange(0, 200, 50, 1000, 2)).toEqual({ start: 0, end: 6 });
    expect(visibleRange(5000, 200, 50, 1000, 2)).toEqual({ start: 98, end: 106 });
    expect(visibleRange(49_900, 200, 50, 1000, 2)).toEqual({ start: 996, end: 1000 });
    expect(visibleRange(0, 200, 50, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-30, 200, 0, 10)).toEqual({ start: 0, end: 0 });
  });
});
