import { describe, expect, it } from 'vitest';
import { failureConditions, mergeConditions } from './conditions';

const empty = () => ({ remainingByResource: new Map<string, number>(), remainingByFinalizer: new Map<string, number>(), deleteErrors: [] as string[] });

describe('namespace deletion conditions', () => {
  it('adds all five types, False with their ok messages, when nothing failed', () => {
    const out = mergeConditions([], failureConditions(empty(), 't0'), 't0')!;
    expect(out.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers'],
    ]);
    // A second identical pass changes nothing.
    expect(mergeConditions(out, failureConditions(empty(), 't1'), 't1')).toBeNull();
  });

  it('sorts remaining resources and errors in byte order and keeps transition times unless the status flips', () => {
    const t = empty();
    t.remainingByResource.set('pods.', 2).set('deployments.apps', 1).set('Zeta.', 0);
    t.deleteErrors.push('b failed', 'a failed');
    const first = mergeConditions([], failureConditions(t, 't0'), 't0')!;
    const byType = Object.fromEntries(first.map((c) => [c.type, c]));
    expect(byType.NamespaceContentRemaining.message).toBe('Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances');
    expect(byType.NamespaceDeletionContentFailure.message).toBe('Failed to delete all resource types, 2 remaining: a failed, b failed');
    t.remainingByResource.set('pods.', 1);
    const second = mergeConditions(first, failureConditions(t, 't1'), 't1')!;
    expect(second.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ lastTransitionTime: 't0', message: expect.stringContaining('pods. has 1') });
    const third = mergeConditions(second, failureConditions(empty(), 't2'), 't2')!;
    expect(third.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'False', lastTransitionTime: 't2', reason: 'ContentRemoved' });
  });
});
