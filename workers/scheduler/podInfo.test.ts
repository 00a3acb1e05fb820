import { describe, expect, it } from 'vitest';
import { newPodInfo, refreshPodInfo, sameLabels } from './podInfo';
import { podObject } from './testing/fixtures';

describe('sameLabels', () => {
  it('compares keys and values, not objects', () => {
    expect(sameLabels({}, {})).toBe(true);
    expect(sameLabels({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameLabels({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameLabels({ a: '1', b: '2' }, { a: '1' })).toBe(false);
    expect(sameLabels({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameLabels({ a: '1' }, { b: '1' })).toBe(false);
    expect(sameLabels({ a: '' }, {})).toBe(false);
  });
});

describe('refreshPodInfo', () => {
  it('keeps what the API keeps immutable and takes the new object', () => {
    const o = podObject({ name: 'a', labels: { app: 'web' }, requests: { cpu: '1' } });
    const prev = newPodInfo(o);
    const next = { ...o, status: { phase: 'Running' }, metadata: { ...o.metadata, labels: { app: 'web' } } };
    const r = refreshPodInfo(prev, next);
    expect(r).not.toBe(prev);
    expect(r.pod).toBe(next);
    expect(r.labels).toBe(prev.labels);
    expect(r.requests).toBe(prev.requests);
    expect(Object.keys(r).sort()).toEqual(Object.keys(prev).sort());
    const relabelled = refreshPodInfo(r, { ...next, metadata: { ...next.metadata, labels: { app: 'db' } } });
    expect(relabelled.labels).toEqual({ app: 'db' });
  });

  it('starts afresh for another pod under the same name', () => {
    const prev = newPodInfo(podObject({ name: 'a', uid: 'u1', requests: { cpu: '1' } }));
    const other = podObject({ name: 'a', uid: 'u2', requests: { cpu: '2' } });
    const r = refreshPodInfo(prev, other);
    expect(r.uid).toBe('u2');
    expect(r.requests.milliCPU).toBe(2000);
    expect(refreshPodInfo(undefined, other).uid).toBe('u2');
  });
});
