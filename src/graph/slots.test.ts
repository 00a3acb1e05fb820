import { describe, it, expect } from 'vitest';
import { SlotAllocator, type SlotRequest } from './slots';

const req = (uid: string, order = uid): SlotRequest => ({ uid, order });
const lanes = (entries: Record<string, SlotRequest[]>) => new Map(Object.entries(entries));
const slotsOf = (a: ReturnType<SlotAllocator<string>['assign']>, lane: string) => Object.fromEntries(a.slots.get(lane) ?? []);

describe('SlotAllocator', () => {
  it('places a first batch in owner-then-name order', () => {
    const s = new SlotAllocator<string>(400);
    const a = s.assign(lanes({ w1: [req('c', 'web/c'), req('a', 'web/a'), req('z', 'api/z')] }), 0, () => undefined);
    expect(slotsOf(a, 'w1')).toEqual({ z: 0, a: 1, c: 2 });
    expect(a.extent.get('w1')).toBe(3);
  });

  it('keeps existing pods where they are when others come and go', () => {
    const s = new SlotAllocator<string>(0);
    s.assign(lanes({ w1: [req('a'), req('b'), req('c')] }), 0, () => undefined);
    const a = s.assign(lanes({ w1: [req('a'), req('c'), req('0-new')] }), 1, () => undefined);
    // b's slot is reused by the newcomer; a and c have not moved although "0-new" sorts first.
    expect(slotsOf(a, 'w1')).toEqual({ a: 0, c: 2, '0-new': 1 });
  });

  it('holds a departed pod for the fade, then frees its slot', () => {
    const s = new SlotAllocator<string>(400);
    s.assign(lanes({ w1: [req('a'), req('b')] }), 0, () => undefined);
    const a = s.assign(lanes({ w1: [req('a'), req('n')] }), 100, (uid) => `last-${uid}`);
    expect(a.leaving).toEqual([{ uid: 'b', lane: 'w1', slot: 1, until: 500, last: 'last-b' }]);
    expect(slotsOf(a, 'w1')).toEqual({ a: 0, n: 2 });
    expect(a.nextExpiry).toBe(500);
    const b = s.assign(lanes({ w1: [req('a'), req('n'), req('m')] }), 500, () => undefined);
    expect(b.leaving).toEqual([]);
    expect(slotsOf(b, 'w1')).toEqual({ a: 0, n: 2, m: 1 });
    expect(b.nextExpiry).toBe(Number.POSITIVE_INFINITY);
  });

  it('moves a pod between lanes without a fade (scheduled from Pending onto a node)', () => {
    const s = new SlotAllocator<string>(400);
    s.assign(lanes({ pending: [req('p')], w1: [] }), 0, () => undefined);
    const a = s.assign(lanes({ pending: [], w1: [req('p')] }), 10, (uid) => uid);
    expect(a.leaving).toEqual([]);
    expect(slotsOf(a, 'w1')).toEqual({ p: 0 });
    expect(a.extent.get('pending')).toBe(0);
  });

  it('a pod that comes back while fading is placed again, not duplicated', () => {
    const s = new SlotAllocator<string>(400);
    s.assign(lanes({ w1: [req('a')] }), 0, () => undefined);
    s.assign(lanes({ w1: [] }), 10, (uid) => uid);
    const a = s.assign(lanes({ w1: [req('a')] }), 20, (uid) => uid);
    expect(a.leaving).toEqual([]);
    expect(slotsOf(a, 'w1')).toEqual({ a: 0 });
  });

  it('extent counts holes so the lane does not shrink under a pod', () => {
    const s = new SlotAllocator<string>(0);
    s.assign(lanes({ w1: [req('a'), req('b'), req('c')] }), 0, () => undefined);
    const a = s.assign(lanes({ w1: [req('c')] }), 1, () => undefined);
    expect(slotsOf(a, 'w1')).toEqual({ c: 2 });
    expect(a.extent.get('w1')).toBe(3);
  });

  it('reports which pods it placed this time, and only those', () => {
    const s = new SlotAllocator<string>(400);
    expect(s.assign(lanes({ w1: [req('a'), req('b')], w2: [] }), 0, () => undefined).placed).toEqual(['a', 'b']);
    expect(s.assign(lanes({ w1: [req('a'), req('b')], w2: [] }), 1, () => undefined).placed).toEqual([]);
    // Moving lanes is a new place.
    const moved = s.assign(lanes({ w1: [req('a')], w2: [req('b'), req('c')] }), 2, () => undefined);
    expect(moved.placed).toEqual(['b', 'c']);
    expect(slotsOf(moved, 'w2')).toEqual({ b: 0, c: 1 });
  });

  it('uses the lane map the caller already has, with the same result', () => {
    const withMap = new SlotAllocator<string>(400);
    const without = new SlotAllocator<string>(400);
    const l1 = lanes({ w1: [req('a'), req('b'), req('c')] });
    const l2 = lanes({ w1: [req('a'), req('c')], w2: [req('b')] });
    withMap.assign(l1, 0, () => undefined, new Map([['a', 'w1'], ['b', 'w1'], ['c', 'w1']]));
    without.assign(l1, 0, () => undefined);
    const x = withMap.assign(l2, 1, (u) => u, new Map([['a', 'w1'], ['c', 'w1'], ['b', 'w2']]));
    const y = without.assign(l2, 1, (u) => u);
    expect([slotsOf(x, 'w1'), slotsOf(x, 'w2'), x.extent]).toEqual([slotsOf(y, 'w1'), slotsOf(y, 'w2'), y.extent]);
  });
});
