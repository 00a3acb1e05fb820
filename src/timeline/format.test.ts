import { describe, it, expect } from 'vitest';
import { formatEntryTime, formatRevisions } from './format';

describe('format', () => {
  it('entry times count from the cluster start, with milliseconds', () => {
    expect(formatEntryTime(1_000 + 83_450, 1_000)).toBe('00:01:23.450');
    expect(formatEntryTime(5, 10)).toBe('00:00:00.000');
    expect(formatEntryTime(5, Number.NaN)).toBe('--:--:--');
  });

  it('revision ranges', () => {
    expect(formatRevisions([])).toBe('');
    expect(formatRevisions([812])).toBe('r812');
    expect(formatRevisions([812, 813, 814])).toBe('r812–814');
  });
});
