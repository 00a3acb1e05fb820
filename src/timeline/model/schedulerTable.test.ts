import { describe, it, expect } from 'vitest';
import { schedulerTable } from './schedulerTable';

describe('schedulerTable', () => {
  it('puts the chosen node first, then feasible by score, then filtered', () => {
    const t = schedulerTable({
      type: 'scheduling',
      pod: 'default/web-1',
      node: 'worker-2',
      nodes: [
        { node: 'control-plane', verdict: 'filtered', plugin: 'TaintToleration', reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] },
        { node: 'worker-1', verdict: 'passed', scores: { NodeResourcesFit: 90, ImageLocality: 0 }, total: 180 },
        { node: 'worker-2', verdict: 'passed', scores: { NodeResourcesFit: 95, ImageLocality: 0, TaintToleration: 100 }, total: 290 },
        { node: 'worker-3', verdict: 'passed', scores: { NodeResourcesFit: 97 }, total: 194 },
      ],
    });
    expect(t.rows.map((r) => [r.node, r.chosen])).toEqual([
      ['worker-2', true],
      ['worker-3', false],
      ['worker-1', false],
      ['control-plane', false],
    ]);
    expect(t.plugins).toEqual(['NodeResourcesFit', 'ImageLocality', 'TaintToleration']);
    expect(t.feasible).toBe(3);
    expect(t.summary).toBe('default/web-1 → worker-2: 3 of 4 nodes fit');
  });

  it('says when no node fit', () => {
    const t = schedulerTable({ type: 'scheduling', pod: 'default/big', nodes: [{ node: 'w1', verdict: 'filtered', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] }] });
    expect(t.rows[0].chosen).toBe(false);
    expect(t.plugins).toEqual([]);
    expect(t.summary).toBe('default/big not scheduled: 0/1 nodes are available');
  });
});
