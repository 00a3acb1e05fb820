import { describe, it, expect } from 'vitest';
import { INITIAL_TRAVEL, exactListQuery, isViewingPast, travelReducer, type TravelState } from './timeTravel';

const scrub = (revision: number, latest = 100, time = 5000) => ({ type: 'scrub' as const, revision, time, latest });

describe('time-travel state machine', () => {
  it('starts live and ready', () => {
    expect(INITIAL_TRAVEL.view).toEqual({ mode: 'live' });
    expect(isViewingPast(INITIAL_TRAVEL)).toBe(false);
  });

  it('scrubbing to a past revision loads it, then is ready', () => {
    const s1 = travelReducer(INITIAL_TRAVEL, scrub(40));
    expect(s1.view).toEqual({ mode: 'past', revision: 40, time: 5000 });
    expect(s1.status).toEqual({ phase: 'loading', revision: 40 });
    expect(s1.epoch).toBe(1);
    expect(isViewingPast(s1)).toBe(true);
    const s2 = travelReducer(s1, { type: 'loaded', epoch: 1 });
    expect(s2.status).toEqual({ phase: 'ready' });
    expect(s2.view).toBe(s1.view);
  });

  it('drops the result of a read the user already scrubbed past', () => {
    let s = travelReducer(INITIAL_TRAVEL, scrub(40));
    s = travelReducer(s, scrub(30));
    expect(s.epoch).toBe(2);
    const stale = travelReducer(s, { type: 'loaded', epoch: 1 });
    expect(stale).toBe(s);
    expect(travelReducer(s, { type: 'failed', epoch: 1, message: 'x' })).toBe(s);
    expect(travelReducer(s, { type: 'loaded', epoch: 2 }).status.phase).toBe('ready');
  });

  it('scrubbing to the live revision or beyond is back to live', () => {
    const past = travelReducer(INITIAL_TRAVEL, scrub(40));
    const live = travelReducer(past, scrub(100));
    expect(live.view).toEqual({ mode: 'live' });
    expect(live.epoch).toBe(2);
    expect(travelReducer(past, scrub(250)).view.mode).toBe('live');
    // Already live: nothing to redo.
    expect(travelReducer(INITIAL_TRAVEL, scrub(100))).toBe(INITIAL_TRAVEL);
  });

  it('the same revision again changes nothing, unless the last read failed', () => {
    const s1 = travelReducer(INITIAL_TRAVEL, scrub(40));
    expect(travelReducer(s1, scrub(40))).toBe(s1);
    const failed = travelReducer(s1, { type: 'failed', epoch: 1, message: 'required revision 40 has been compacted' });
    expect(failed.status).toEqual({ phase: 'failed', message: 'required revision 40 has been compacted' });
    const retried = travelReducer(failed, scrub(40));
    expect(retried.epoch).toBe(2);
    expect(retried.status.phase).toBe('loading');
  });

  it('back to live from the past bumps the epoch once; live again is a no-op', () => {
    const past = travelReducer(travelReducer(INITIAL_TRAVEL, scrub(40)), { type: 'loaded', epoch: 1 });
    const live = travelReducer(past, { type: 'live' });
    expect(live).toEqual({ view: { mode: 'live' }, status: { phase: 'ready' }, epoch: 2 });
    expect(travelReducer(live, { type: 'live' })).toBe(live);
  });

  it('a replaced cluster always means a fresh live read', () => {
    const r = travelReducer(INITIAL_TRAVEL, { type: 'replaced' });
    expect(r.view.mode).toBe('live');
    expect(r.epoch).toBe(1);
    const fromPast = travelReducer(travelReducer(INITIAL_TRAVEL, scrub(10)), { type: 'replaced' });
    expect(fromPast.view.mode).toBe('live');
  });

  it('ignores nonsense revisions and loaded/failed while not loading', () => {
    for (const revision of [0, -3, 1.5, Number.NaN]) expect(travelReducer(INITIAL_TRAVEL, scrub(revision))).toBe(INITIAL_TRAVEL);
    const s: TravelState = INITIAL_TRAVEL;
    expect(travelReducer(s, { type: 'loaded', epoch: 0 })).toBe(s);
    expect(travelReducer(s, { type: 'failed', epoch: 0, message: 'x' })).toBe(s);
    expect(travelReducer(INITIAL_TRAVEL, { ...scrub(5), time: Number.NaN }).view).toEqual({ mode: 'past', revision: 5, time: 0 });
  });

  it('reads exactly that revision', () => {
    expect(exactListQuery(1234)).toEqual({ resourceVersion: '1234', resourceVersionMatch: 'Exact' });
  });
});
