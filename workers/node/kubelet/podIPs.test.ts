import { describe, it, expect } from 'vitest';
import { PodIPAllocator } from './podIPs';

describe('PodIPAllocator', () => {
  it('hands out .2 upwards, skips what is taken, wraps round', () => {
    const a = new PodIPAllocator('10.244.1.0/29');
    expect(a.allocate('p1')).toBe('10.244.1.2');
    expect(a.allocate('p2')).toBe('10.244.1.3');
    expect(a.allocate('p3')).toBe('10.244.1.4');
    a.release('10.244.1.3');
    expect(a.allocate('p4')).toBe('10.244.1.5');
    expect(a.allocate('p5')).toBe('10.244.1.6');
    expect(a.allocate('p6')).toBe('10.244.1.3');
    expect(a.allocate('p7')).toBeUndefined();
    expect(a.inUse).toBe(5);
  });
  it('refuses a malformed CIDR', () => {
    expect(() => new PodIPAllocator('10.244.1.0')).toThrow();
    expect(() => new PodIPAllocator('10.244.300.0/24')).toThrow();
  });
});
