import { describe, it, expect } from 'vitest';
import { expand } from './expansion';

describe('expand $(VAR)', () => {
  const vars: Record<string, string> = { A: 'one', B: 'two' };
  const lookup = (n: string) => vars[n];
  it('replaces known references and keeps the rest as written', () => {
    expect(expand('$(A)-$(B)', lookup)).toBe('one-two');
    expect(expand('$(C)', lookup)).toBe('$(C)');
    expect(expand('$$(A)', lookup)).toBe('$(A)');
    expect(expand('cost $5', lookup)).toBe('cost $5');
    expect(expand('$(A', lookup)).toBe('$(A');
    expect(expand('$()', lookup)).toBe('$()');
    expect(expand('tail$', lookup)).toBe('tail$');
  });
});
