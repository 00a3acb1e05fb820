import { describe, it, expect } from 'vitest';
import { Clock } from '../clock/clock';
import { isIdle, isPeriodic, IDLE_WINDOW_MS } from './idle';

describe('isIdle', () => {
  it('ignores periodic housekeeping but not work due within the window', () => {
    const c = new Clock(0);
    c.schedule(1000, { component: 'kubelet/w', key: 'w', what: 'renew lease' }, () => {});
    expect(isIdle(c)).toBe(true);
    const t = c.schedule(IDLE_WINDOW_MS, { component: 'replicaset-controller', key: 'a/b', what: 'sync' }, () => {});
    expect(isIdle(c)).toBe(false);
    c.cancel(t);
    expect(isIdle(c)).toBe(true);
    c.schedule(IDLE_WINDOW_MS + 1, { component: 'replicaset-controller', key: 'a/b', what: 'sync' }, () => {});
    expect(isIdle(c)).toBe(true);
  });
  it('knows the periodic labels', () => {
    expect(isPeriodic({ component: 'kubelet/w', what: 'probe readiness nginx' })).toBe(true);
    expect(isPeriodic({ component: 'kube-scheduler', what: 'schedule' })).toBe(false);
  });
});
