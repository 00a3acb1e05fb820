import { describe, it, expect } from 'vitest';
import { applyFilter, componentMatches, componentOptions, entryMatches, isFiltered, NO_FILTER, objectQuery } from './filter';
import { entry } from './fixtures';

describe('timeline filters', () => {
  const entries = [
    entry(1, { component: 'scheduler', revisions: [10] }),
    entry(2, { component: 'kubelet/worker-1' }),
    entry(3, { component: 'kubelet/worker-2', revisions: [11, 12] }),
    entry(4, { component: 'replicaset-controller', revisions: [13] }),
  ];

  it('matches a component exactly, or a family by its trailing slash', () => {
    expect(componentMatches('scheduler', 'scheduler')).toBe(true);
    expect(componentMatches('scheduler', 'scheduler-extra')).toBe(false);
    expect(componentMatches('kubelet/', 'kubelet/worker-9')).toBe(true);
    expect(componentMatches('kubelet', 'kubelet/worker-9')).toBe(false);
    expect(componentMatches(null, 'anything')).toBe(true);
    expect(componentMatches('', 'anything')).toBe(true);
  });

  it('filters by component and by writes', () => {
    expect(applyFilter({ ...NO_FILTER, component: 'kubelet/' }, entries).map((e) => e.id)).toEqual([2, 3]);
    expect(applyFilter({ ...NO_FILTER, writesOnly: true }, entries).map((e) => e.id)).toEqual([1, 3, 4]);
    expect(applyFilter({ ...NO_FILTER, component: 'kubelet/', writesOnly: true }, entries).map((e) => e.id)).toEqual([3]);
    expect(applyFilter({ ...NO_FILTER, component: 'nobody' }, entries)).toEqual([]);
  });

  it('keeps the same array when nothing is filtered', () => {
    expect(applyFilter(NO_FILTER, entries)).toBe(entries);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(entryMatches(NO_FILTER, entries[1])).toBe(true);
  });

  it('the object filter goes to the worker by uid', () => {
    const f = { ...NO_FILTER, object: { object: 'uid-1', label: 'Pod default/web-1' } };
    expect(isFiltered(f)).toBe(true);
    expect(objectQuery(f)).toEqual({ object: 'uid-1' });
    expect(objectQuery(NO_FILTER)).toBeNull();
  });

  it('offers every component once, with family groups for several kubelets', () => {
    expect(componentOptions(['scheduler', 'kubelet/worker-2', 'kubelet/worker-1', 'scheduler', 'deployment-controller'])).toEqual([
      'deployment-controller',
      'kubelet/',
      'kubelet/worker-1',
      'kubelet/worker-2',
      'scheduler',
    ]);
    expect(componentOptions(['kubelet/worker-1'])).toEqual(['kubelet/worker-1']);
    expect(componentOptions([])).toEqual([]);
  });
});
