import { describe, it, expect } from 'vitest';
import { goTime, statusText, type AutoscalerStatus } from './status';

const T = Date.UTC(2025, 0, 1, 0, 10, 0);
const cond = (status: string, since = Date.UTC(2025, 0, 1, 0, 0, 10)) => ({ status, lastProbeTime: T, lastTransitionTime: since });

describe('status ConfigMap text', () => {
  it('formats Go times', () => {
    expect(goTime(T)).toBe('2025-01-01 00:10:00 +0000 UTC');
    expect(goTime(T + 250)).toBe('2025-01-01 00:10:00.25 +0000 UTC');
  });

  it('writes the v1.32 YAML: struct order, zero omitempty fields left out', () => {
    const counts = (total: number, ready: number, unregistered = 0) => ({ registered: { total, ready, notStarted: 0, beingDeleted: 0, unready: { total: 0, resourceUnready: 0 } }, longUnregistered: 0, unregistered });
    const s: AutoscalerStatus = {
      time: T,
      autoscalerStatus: 'Running',
      clusterWide: { health: { ...cond('Healthy'), nodeCounts: counts(4, 4, 2) }, scaleUp: cond('InProgress', T - 30_000), scaleDown: { ...cond('NoCandidates'), candidates: 0 } },
      nodeGroups: [
        {
          name: 'workers',
          health: { ...cond('Healthy'), nodeCounts: counts(3, 3, 2), cloudProviderTarget: 5, minSize: 3, maxSize: 6 },
          scaleUp: cond('InProgress', T - 30_000),
          scaleDown: { ...cond('CandidatesPresent'), candidates: 1 },
        },
      ],
    };
    expect(statusText(s)).toBe(`time: 2025-01-01 00:10:00 +0000 UTC
autoscalerStatus: Running
clusterWide:
  health:
    status: Healthy
    nodeCounts:
      registered:
        total: 4
        ready: 4
        notStarted: 0
      longUnregistered: 0
      unregistered: 2
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:00:10Z"
  scaleUp:
    status: InProgress
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:09:30Z"
  scaleDown:
    status: NoCandidates
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:00:10Z"
nodeGroups:
- name: workers
  health:
    status: Healthy
    nodeCounts:
      registered:
        total: 3
        ready: 3
        notStarted: 0
      longUnregistered: 0
      unregistered: 2
    cloudProviderTarget: 5
    minSize: 3
    maxSize: 6
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:00:10Z"
  scaleUp:
    status: InProgress
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:09:30Z"
  scaleDown:
    status: CandidatesPresent
    candidates: 1
    lastProbeTime: "2025-01-01T00:10:00Z"
    lastTransitionTime: "2025-01-01T00:00:10Z"
`);
  });

  it('shows being-deleted and unready nodes, and the Initializing state alone', () => {
    const text = statusText({
      time: T,
      autoscalerStatus: 'Running',
      clusterWide: {
        health: { ...cond('Healthy'), nodeCounts: { registered: { total: 5, ready: 3, notStarted: 0, beingDeleted: 1, unready: { total: 1, resourceUnready: 0 } }, longUnregistered: 0, unregistered: 0 } },
        scaleUp: cond('NoActivity'),
        scaleDown: cond('NoCandidates'),
      },
    });
    expect(text).toContain('        beingDeleted: 1\n        unready:\n          total: 1\n          resourceUnready: 0\n');
    expect(text).not.toContain('nodeGroups');
    expect(statusText({ time: T, autoscalerStatus: 'Initializing' })).toBe('time: 2025-01-01 00:10:00 +0000 UTC\nautoscalerStatus: Initializing\n');
  });
});
