import { describe, it, expect } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff (flowcontrol.Backoff)', () => {
  it('doubles up to the maximum and resets after a stable period', () => {
    let now = 0;
    const b = new Backoff(() => now, 10_000, 300_000);
    expect(b.isInBackOffSince('x', now)).toBe(false);
    b.next('x', now);
    expect(b.get('x')).toBe(10_000);
    now = 5_000;
    expect(b.isInBackOffSince('x', 0)).toBe(true);
    now = 10_000;
    expect(b.isInBackOffSince('x', 0)).toBe(false);
    for (let i = 0; i < 8; i++) b.next('x', now);
    expect(b.get('x')).toBe(300_000);
    // A container that ran more than twice the maximum since the last step starts over.
    const last = now;
    now = last + 700_000;
    expect(b.isInBackOffSince('x', now)).toBe(false);
    b.next('x', now);
    expect(b.get('x')).toBe(10_000);
  });
  it('counts image pulls from the last update', () => {
    let now = 1_000;
    const b = new Backoff(() => now, 10_000, 300_000);
    b.next('img', now);
    now = 9_000;
    expect(b.isInBackOffSinceUpdate('img', now)).toBe(true);
    now = 11_000;
    expect(b.isInBackOffSinceUpdate('img', now)).toBe(false);
    expect(b.isInBackOffSinceUpdate('other', now)).toBe(false);
  });
});
