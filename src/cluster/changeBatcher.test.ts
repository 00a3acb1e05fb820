import { describe, it, expect } from 'vitest';
import { createChangeBatcher } from './changeBatcher';
import type { ObjectChange } from './store';

const up = (name: string): ObjectChange => ({
  type: 'upsert',
  kind: 'Namespace',
  object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: name } },
});

describe('createChangeBatcher', () => {
  it('applies everything pushed before a frame in one call, in order', () => {
    const frames: Array<() => void> = [];
    const applied: ObjectChange[][] = [];
    const b = createChangeBatcher((c) => applied.push(c), (f) => frames.push(f));
    b.push([up('a')]);
    b.push([up('b'), up('c')]);
    expect(frames).toHaveLength(1);
    expect(applied).toHaveLength(0);
    frames[0]();
    expect(applied).toHaveLength(1);
    expect(applied[0].map((c) => (c.type === 'upsert' ? c.object.metadata.name : ''))).toEqual(['a', 'b', 'c']);
  });

  it('schedules a new frame after a flush and none for empty pushes', () => {
    const frames: Array<() => void> = [];
    const applied: ObjectChange[][] = [];
    const b = createChangeBatcher((c) => applied.push(c), (f) => frames.push(f));
    b.push([]);
    expect(frames).toHaveLength(0);
    b.push([up('a')]);
    frames[0]();
    b.push([up('b')]);
    expect(frames).toHaveLength(2);
    frames[1]();
    expect(applied).toHaveLength(2);
  });

  it('flush applies pending changes at once and the queued frame then does nothing', () => {
    const frames: Array<() => void> = [];
    const applied: ObjectChange[][] = [];
    const b = createChangeBatcher((c) => applied.push(c), (f) => frames.push(f));
    b.push([up('a')]);
    b.flush();
    expect(applied).toHaveLength(1);
    frames[0]();
    expect(applied).toHaveLength(1);
  });
});
