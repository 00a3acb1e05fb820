import { describe, it, expect } from 'vitest';
import { statusBadge, statusTone } from './statusBadge';
import { humanDuration, ageSince } from './time';

describe('statusBadge', () => {
  it('reads the Status column of the server Table row, else Ready', () => {
    expect(statusBadge(['Name', 'Ready', 'Status', 'Restarts', 'Age'], ['web', '0/1', 'CrashLoopBackOff', '3', '1m'])).toEqual({
      text: 'CrashLoopBackOff',
      tone: 'error',
      column: 'Status',
    });
    expect(statusBadge(['Name', 'Ready', 'Up-to-date'], ['web', '3/3', 3])).toEqual({ text: '3/3 ready', tone: 'ok', column: 'Ready' });
    expect(statusBadge(['Name', 'Desired', 'Current', 'Ready'], ['web-abc', 3, 3, 1])).toEqual({ text: '1/3 ready', tone: 'warn', column: 'Ready' });
    expect(statusBadge(['Name', 'Ready'], ['x', 'odd'])).toEqual({ text: 'odd', tone: 'warn', column: 'Ready' });
    expect(statusBadge(['Name', 'Data', 'Age'], ['cm', 1, '1m'])).toBeNull();
    expect(statusBadge(['Name', 'Status'], ['x'])).toBeNull();
  });

  it('colours statuses', () => {
    expect(statusTone('Running')).toBe('ok');
    expect(statusTone('ContainerCreating')).toBe('warn');
    expect(statusTone('Terminating')).toBe('warn');
    expect(statusTone('ErrImagePull')).toBe('error');
    expect(statusTone('Ready,SchedulingDisabled')).toBe('warn');
    expect(statusTone('NotReady')).toBe('error');
    expect(statusTone('1/3')).toBe('warn');
    expect(statusTone('0/0')).toBe('neutral');
    expect(statusTone('Unknown')).toBe('neutral');
  });
});

describe('time', () => {
  it('prints ages like kubectl', () => {
    expect(humanDuration(59_000)).toBe('59s');
    expect(humanDuration(150_000)).toBe('2m30s');
    expect(humanDuration(3 * 3600_000 + 5 * 60_000)).toBe('3h5m');
    expect(humanDuration(-5000)).toBe('<invalid>');
    expect(ageSince('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:00:42Z'))).toBe('42s');
    expect(ageSince('yesterday', 0)).toBe('<unknown>');
    expect(ageSince(undefined, 0)).toBe('<unknown>');
  });
});
