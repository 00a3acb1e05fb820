import { describe, it, expect } from 'vitest';
import { sidesOf, summarizeDiff } from './diffSummary';

describe('summarizeDiff', () => {
  const lines = [
    { op: ' ' as const, text: 'apiVersion: apps/v1' },
    { op: ' ' as const, text: 'metadata:' },
    { op: '-' as const, text: '  generation: 1' },
    { op: '+' as const, text: '  generation: 2' },
    { op: ' ' as const, text: 'status:' },
    { op: '+' as const, text: '  availableReplicas: 3' },
    { op: '+' as const, text: '  readyReplicas: 3' },
  ];

  it('counts lines and names the top-level fields touched', () => {
    expect(summarizeDiff(lines)).toEqual({ added: 3, removed: 1, fields: ['metadata', 'status'] });
    expect(summarizeDiff([])).toEqual({ added: 0, removed: 0, fields: [] });
  });

  it('a new top-level field counts as itself', () => {
    expect(summarizeDiff([{ op: '+', text: 'status:' }, { op: '+', text: '  replicas: 1' }]).fields).toEqual(['status']);
  });

  it('rebuilds both sides', () => {
    expect(sidesOf(lines).before.split('\n')).toHaveLength(4);
    expect(sidesOf(lines).after).toContain('readyReplicas: 3');
    expect(sidesOf(lines).before).not.toContain('readyReplicas');
  });
});
