import { describe, it, expect } from 'vitest';
import { fitErrorMessage, NodeToStatus, type Diagnosis } from './nodeToStatus';
import { unresolvable, unschedulable } from './status';

function diag(statuses: NodeToStatus, extra: Partial<Diagnosis> = {}): Diagnosis {
  return { statuses, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '', ...extra };
}

describe('FitError message', () => {
  it('counts reasons and sorts them as strings', () => {
    const s = new NodeToStatus();
    s.set('cp', unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'));
    for (const n of ['w1', 'w2', 'w3']) s.set(n, unschedulable('Insufficient cpu'));
    const pre = new NodeToStatus(unresolvable('Preemption is not helpful for scheduling'));
    for (const n of ['w1', 'w2', 'w3']) pre.set(n, unresolvable('No preemption victims found for incoming pod'));
    const post = `preemption: ${fitErrorMessage(4, diag(pre))}`;
    expect(fitErrorMessage(4, diag(s, { postFilterMsg: post }))).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('lists every reason of a node, sorted bytewise ("1 " < "10" < "2")', () => {
    const s = new NodeToStatus();
    for (let i = 0; i < 10; i++) s.set(`a${i}`, unschedulable('Insufficient memory'));
    s.set('b1', unschedulable('Insufficient cpu', 'Too many pods'));
    s.set('b2', unschedulable('Insufficient cpu'));
    expect(fitErrorMessage(12, diag(s))).toBe('0/12 nodes are available: 1 Too many pods, 10 Insufficient memory, 2 Insufficient cpu.');
  });

  it('a PreFilter rejection replaces the per-node reasons', () => {
    const s = new NodeToStatus(unresolvable('persistentvolumeclaim "data" not found'));
    expect(fitErrorMessage(3, diag(s, { preFilterMsg: 'persistentvolumeclaim "data" not found' }))).toBe('0/3 nodes are available: persistentvolumeclaim "data" not found.');
  });

  it('nodes that were never evaluated take the absent status', () => {
    const s = new NodeToStatus(unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]"));
    s.set('a', unschedulable('Insufficient cpu'));
    expect(fitErrorMessage(3, diag(s))).toBe("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
    expect(s.nodesWithCode('Unschedulable', ['a', 'b', 'c'])).toEqual(['a']);
  });
});
