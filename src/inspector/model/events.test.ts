import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../workers/api/object';
import { eventRows, eventAge, eventSource, isAbout } from './events';

const NOW = Date.parse('2025-01-01T00:10:00Z');
const pod = { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'p1' };

let rv = 0;
function ev(reason: string, at: string, extra: Record<string, unknown> = {}): KubeObject {
  rv++;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `web-1.${rv}`, namespace: 'default', uid: `e${rv}`, resourceVersion: String(rv) },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'p1' },
    type: 'Normal',
    reason,
    message: ` ${reason} message `,
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    ...extra,
  } as KubeObject;
}

describe('eventRows', () => {
  it('keeps only events about the object, newest first, ties in store order reversed', () => {
    const events = [
      ev('Scheduled', '2025-01-01T00:00:00Z', { source: { component: 'default-scheduler' } }),
      ev('Pulled', '2025-01-01T00:00:02Z'),
      ev('Created', '2025-01-01T00:00:02Z'),
      ev('Started', '2025-01-01T00:00:02Z'),
      ev('Other', '2025-01-01T00:05:00Z', { involvedObject: { kind: 'Pod', name: 'web-2', namespace: 'default', uid: 'p2' } }),
    ];
    const rows = eventRows(events, pod, NOW);
    expect(rows.map((r) => r.reason)).toEqual(['Started', 'Created', 'Pulled', 'Scheduled']);
    expect(rows[0]).toMatchObject({ type: 'Normal', age: '9m58s', from: 'kubelet', message: 'Started message' });
    expect(rows[3].from).toBe('default-scheduler');
  });

  it('matches by kind, name and namespace, and rejects a different uid (a recreated object of the same name)', () => {
    const old = ev('Killing', '2025-01-01T00:00:00Z', { involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'old' } });
    expect(isAbout(old, pod)).toBe(false);
    const noUid = ev('Killing', '2025-01-01T00:00:00Z', { involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' } });
    expect(isAbout(noUid, pod)).toBe(true);
    expect(isAbout(noUid, { ...pod, kind: 'ReplicaSet' })).toBe(false);
    expect(isAbout(noUid, { ...pod, namespace: 'other' })).toBe(false);
    const broken = { apiVersion: 'v1', kind: 'Event', metadata: {} } as KubeObject;
    expect(isAbout(broken, pod)).toBe(false);
    expect(eventRows([broken], pod, NOW)).toEqual([]);
  });

  it('formats repeated events like describe: last seen (xN over first seen)', () => {
    const backoff = ev('BackOff', '2025-01-01T00:01:00Z', { lastTimestamp: '2025-01-01T00:09:30Z', count: 7, type: 'Warning' });
    expect(eventAge(backoff, NOW)).toBe('30s (x7 over 9m)');
    const series = ev('X', '', { eventTime: '2025-01-01T00:02:00.000000Z', series: { count: 3, lastObservedTime: '2025-01-01T00:09:00.000000Z' } });
    expect(eventAge(series, NOW)).toBe('60s (x3 over 8m)');
    expect(eventAge(ev('Y', ''), NOW)).toBe('<unknown>');
  });

  it('falls back to the reporting component when the source is empty', () => {
    expect(eventSource(ev('Z', '2025-01-01T00:00:00Z', { source: {}, reportingComponent: 'deployment-controller' }))).toBe('deployment-controller');
  });
});
