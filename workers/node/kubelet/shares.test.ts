import { describe, expect, it } from 'vitest';
import { MAX_SHARED, ServiceEnvShare, TextShare } from './shares';

const vars = (...pairs: [string, string][]): [string, string][] => pairs;

describe('ServiceEnvShare', () => {
  it('hands out the first list again while an equal one is computed', () => {
    const s = new ServiceEnvShare();
    const a = s.share('default', true, vars(['A_SERVICE_HOST', '10.96.0.1']));
    const b = s.share('default', true, vars(['A_SERVICE_HOST', '10.96.0.1']));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('replaces the list when a value, a name or the length changes', () => {
    const s = new ServiceEnvShare();
    const a = s.share('ns', true, vars(['X', '1']));
    const b = s.share('ns', true, vars(['X', '2']));
    expect(b).not.toBe(a);
    expect(b).toEqual([['X', '2']]);
    const c = s.share('ns', true, vars(['Y', '2']));
    expect(c).toEqual([['Y', '2']]);
    const d = s.share('ns', true, vars(['Y', '2'], ['Z', '3']));
    expect(d).toEqual([['Y', '2'], ['Z', '3']]);
    expect(s.share('ns', true, vars())).toEqual([]);
    // The newest list is the one shared from then on.
    expect(s.share('ns', true, vars())).toBe(s.share('ns', true, vars()));
  });

  it('keeps namespaces and the service-links setting apart', () => {
    const s = new ServiceEnvShare();
    const on = s.share('ns', true, vars(['X', '1']));
    const off = s.share('ns', false, vars(['X', '1']));
    const other = s.share('other', true, vars(['X', '1']));
    expect(off).not.toBe(on);
    expect(other).not.toBe(on);
    expect(s.share('ns', false, vars(['X', '1']))).toBe(off);
  });

  it('forgets everything past its bound instead of growing', () => {
    const s = new ServiceEnvShare();
    const first = s.share('ns-0', true, vars(['X', '1']));
    for (let i = 1; i < MAX_SHARED; i++) s.share(`ns-${i}`, true, vars(['X', '1']));
    expect(s.size).toBe(MAX_SHARED);
    expect(s.share('ns-0', true, vars(['X', '1']))).toBe(first);
    s.share('one-more', true, vars(['X', '1']));
    expect(s.size).toBe(1);
    expect(s.share('ns-0', true, vars(['X', '1']))).not.toBe(first);
  });
});

describe('TextShare', () => {
  it('returns one string for equal texts and passes undefined through', () => {
    const s = new TextShare();
    const a = s.share(['search a', 'nameserver 10.96.0.10'].join('\n'));
    const b = s.share(`search a\nnameserver ${'10.96.0.10'}`);
    expect(b).toBe(a);
    expect(s.share(undefined)).toBeUndefined();
    expect(s.share('')).toBe('');
    expect(s.size).toBe(2);
  });

  it('is bounded', () => {
    const s = new TextShare();
    for (let i = 0; i <= MAX_SHARED; i++) s.share(`t${i}`);
    expect(s.size).toBeLessThanOrEqual(MAX_SHARED);
    expect(s.share('t0')).toBe('t0');
  });
});
