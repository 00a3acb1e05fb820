import { describe, expect, it } from 'vitest';
import { describeEvents, searchEvents } from './events';
import { tabbedString } from './prefixWriter';
import { fakeClient } from './testClient';

const NOW = Date.UTC(2025, 0, 1, 0, 10, 0);

describe('Events section', () => {
  it('prints <none> for no events', () => {
    expect(tabbedString((w) => describeEvents([], w, NOW))).toBe('Events:  <none>\n');
  });

  it('orders by last-seen time and shows repeats and series like kubectl', () => {
    const out = tabbedString((w) =>
      describeEvents(
        [
          { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container  ', count: 4, firstTimestamp: '2025-01-01T00:00:00Z', lastTimestamp: '2025-01-01T00:06:58Z', source: { component: 'kubelet' } },
          { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned', count: 1, firstTimestamp: '2025-01-01T00:00:00Z', lastTimestamp: '2025-01-01T00:00:00Z', source: { component: 'default-scheduler' } },
          { type: 'Normal', reason: 'Sync', message: 'series', eventTime: '2025-01-01T00:01:00.000000Z', series: { count: 3, lastObservedTime: '2025-01-01T00:09:30.000000Z' }, reportingController: 'ctl' },
          { type: 'Normal', reason: 'Odd', message: 'no times' },
        ],
        w,
        NOW,
      ),
    );
    expect(out).toBe(
      [
        'Events:',
        '  Type     Reason     Age                 From               Message',
        '  ----     ------     ----                ----               -------',
        '  Normal   Sync       30s (x3 over 9m)    ctl                series',
        '  Normal   Odd        <unknown>                              no times',
        '  Normal   Scheduled  10m                 default-scheduler  Successfully assigned',
        '  Warning  BackOff    3m2s (x4 over 10m)  kubelet            Back-off restarting failed container',
        '',
      ].join('\n'),
    );
  });

  it('searches by involved object with a sorted, escaped field selector', async () => {
    const c = fakeClient({ events: [] }, NOW);
    await searchEvents({ client: c, now: NOW, showEvents: true, chunkSize: 500 }, { name: 'a,b', namespace: 'ns', kind: 'Pod', uid: 'u1' });
    expect(c.requests[0].query).toEqual({ fieldSelector: 'involvedObject.kind=Pod,involvedObject.name=a\\,b,involvedObject.namespace=ns,involvedObject.uid=u1', limit: '500' });
  });
});
