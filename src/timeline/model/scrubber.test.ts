import { describe, it, expect } from 'vitest';
import { buildRevisionIndex, clampRevision, entryAtRevision, formatElapsed, revisionAfterEntry, scrubRange, timeAtRevision } from './scrubber';
import { entry } from './fixtures';

const entries = [
  entry(1, { revisions: [5, 6], time: 100 }),
  entry(2, { revisions: [], time: 150 }),
  entry(3, { revisions: [7], time: 200 }),
  entry(4, { revisions: [9, 10, 11], time: 300 }),
];

describe('scrubber', () => {
  const idx = buildRevisionIndex(entries);

  it('finds the time and entry of a revision, or of the last write before it', () => {
    expect(timeAtRevision(idx, 5)).toBe(100);
    expect(timeAtRevision(idx, 6)).toBe(100);
    expect(timeAtRevision(idx, 7)).toBe(200);
    expect(timeAtRevision(idx, 8)).toBe(200);
    expect(timeAtRevision(idx, 10)).toBe(300);
    expect(timeAtRevision(idx, 99)).toBe(300);
    expect(entryAtRevision(idx, 8)).toBe(3);
  });

  it('knows nothing before the entries it holds', () => {
    expect(timeAtRevision(idx, 4)).toBeUndefined();
    expect(timeAtRevision(buildRevisionIndex([]), 4)).toBeUndefined();
  });

  it('maps an entry to the revision the cluster was at after it', () => {
    expect(revisionAfterEntry(entries, 1)).toBe(6);
    expect(revisionAfterEntry(entries, 2)).toBe(6);
    expect(revisionAfterEntry(entries, 4)).toBe(11);
    expect(revisionAfterEntry([entry(1)], 1)).toBeUndefined();
  });

  it('spans the history still kept and clamps requests into it', () => {
    expect(scrubRange({ revision: 500, compactedRevision: 0 })).toEqual({ min: 1, max: 500 });
    expect(scrubRange({ revision: 500, compactedRevision: 200 })).toEqual({ min: 200, max: 500 });
    expect(scrubRange({ revision: 0, compactedRevision: 0 })).toEqual({ min: 1, max: 1 });
    const r = { min: 200, max: 500 };
    expect(clampRevision(10, r)).toBe(200);
    expect(clampRevision(900, r)).toBe(500);
    expect(clampRevision(300.4, r)).toBe(300);
    expect(clampRevision(Number.NaN, r)).toBe(500);
  });

  it('says elapsed cluster time as HH:MM:SS', () => {
    expect(formatElapsed(83_000 + 5, 5)).toBe('00:01:23');
    expect(formatElapsed(3_600_000 * 2 + 1000, 0)).toBe('02:00:01');
    expect(formatElapsed(0, 1000)).toBe('00:00:00');
    expect(formatElapsed(Number.NaN, 0)).toBe('--:--:--');
  });
});
