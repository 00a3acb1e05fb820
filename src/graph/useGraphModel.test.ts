import { describe, it, expect } from 'vitest';
import { createUiStore } from '../app/uiStore';
import { createClusterStore } from '../cluster/store';
import { graphInputs, nextSnapshotDelay, nextStreak, sameInputs } from './useGraphModel';

describe('graph pacing', () => {
  it('takes a snapshot at once when the last rebuild was cheap or long ago', () => {
    expect(nextSnapshotDelay(1000, 990, 2)).toBe(0);
    expect(nextSnapshotDelay(1000, 990, 3)).toBe(2);
    expect(nextSnapshotDelay(1000, 0, 40)).toBe(0);
    expect(nextSnapshotDelay(1000, Number.NEGATIVE_INFINITY, 40)).toBe(0);
  });

  it('waits out 4× the cost of the last rebuild, capped', () => {
    expect(nextSnapshotDelay(1010, 1000, 40)).toBe(150);
    expect(nextSnapshotDelay(1000, 1000, 10_000)).toBe(400);
  });

  it('redraws at most about seven times a second under sustained churn, at once after a pause', () => {
    // Two quick snapshots are not churn yet: a cheap rebuild goes straight through.
    expect(nextSnapshotDelay(1016, 1000, 2, 2)).toBe(0);
    expect(nextSnapshotDelay(1016, 1000, 2, 3)).toBe(134);
    expect(nextSnapshotDelay(1150, 1000, 2, 10)).toBe(0);
    // A slow rebuild still paces by its cost.
    expect(nextSnapshotDelay(1000, 1000, 60, 10)).toBe(240);
  });

  it('counts snapshots in a row and starts over after a pause', () => {
    expect(nextStreak(0, 1000, Number.NEGATIVE_INFINITY)).toBe(1);
    expect(nextStreak(1, 1016, 1000)).toBe(2);
    expect(nextStreak(5, 1250, 1000)).toBe(6);
    expect(nextStreak(5, 1251, 1000)).toBe(1);
  });
});

describe('graphInputs', () => {
  it('keeps its fields by reference while nothing the graph draws changes', () => {
    const cluster = createClusterStore();
    const ui = createUiStore();
    const a = graphInputs(cluster.getState(), ui.getState());
    cluster.getState().applyChanges([{ type: 'upsert', kind: 'Event', object: { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', uid: 'e1' } } }]);
    expect(sameInputs(a, graphInputs(cluster.getState(), ui.getState()))).toBe(true);
    cluster.getState().applyChanges([{ type: 'upsert', kind: 'Pod', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'p1' } } }]);
    expect(sameInputs(a, graphInputs(cluster.getState(), ui.getState()))).toBe(false);
  });

  it('follows the selection and the namespace filter', () => {
    const cluster = createClusterStore();
    const ui = createUiStore();
    cluster.getState().select({ kind: 'Pod', namespace: 'default', name: 'p', uid: 'p1' });
    expect(graphInputs(cluster.getState(), ui.getState()).selectedUid).toBe('p1');
    expect([...graphInputs(cluster.getState(), ui.getState()).hiddenNamespaces]).toEqual(['kube-system']);
  });
});
