import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { nodeRoles, nodeRow, nodeRows } from './nodeRow';

function node(name: string, opts: { labels?: Record<string, string>; ready?: string; unschedulable?: boolean; version?: string } = {}): KubeObject {
  const status: Record<string, unknown> = {};
  if (opts.ready !== undefined) {
    status.conditions = [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: opts.ready },
    ];
  }
  if (opts.version) status.nodeInfo = { kubeletVersion: opts.version };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: opts.labels },
    spec: opts.unschedulable ? { unschedulable: true } : {},
    status,
  };
}

describe('nodeRoles', () => {
  it('collects node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted', () => {
    expect(
      nodeRoles({
        'node-role.kubernetes.io/worker': '',
        'node-role.kubernetes.io/control-plane': '',
        'kubernetes.io/role': 'infra',
        'kubernetes.io/hostname': 'x',
      }),
    ).toEqual(['control-plane', 'infra', 'worker']);
  });

  it('ignores an empty role name or value and de-duplicates', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' })).toEqual([]);
    expect(nodeRoles({ 'node-role.kubernetes.io/a': '', 'kubernetes.io/role': 'a' })).toEqual(['a']);
    expect(nodeRoles(undefined)).toEqual([]);
  });
});

describe('nodeRow', () => {
  it('prints Ready, roles and version like kubectl get nodes', () => {
    const r = nodeRow(node('cp', { ready: 'True', labels: { 'node-role.kubernetes.io/control-plane': '' }, version: 'v1.32.0' }));
    expect(r).toEqual({ uid: 'uid-cp', name: 'cp', status: 'Ready', ready: true, roles: 'control-plane', version: 'v1.32.0' });
  });

  it('prints NotReady for False and Unknown conditions, Unknown without one', () => {
    expect(nodeRow(node('a', { ready: 'False' })).status).toBe('NotReady');
    expect(nodeRow(node('a', { ready: 'Unknown' })).status).toBe('NotReady');
    expect(nodeRow(node('a', { ready: 'Unknown' })).ready).toBe(false);
    expect(nodeRow(node('a')).status).toBe('Unknown');
    expect(nodeRow(node('a')).roles).toBe('<none>');
  });

  it('appends SchedulingDisabled for a cordoned node', () => {
    expect(nodeRow(node('a', { ready: 'True', unschedulable: true })).status).toBe('Ready,SchedulingDisabled');
  });

  it('survives a node with no status at all', () => {
    const bare: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' } };
    expect(nodeRow(bare)).toMatchObject({ name: 'bare', status: 'Unknown', ready: false, version: '' });
  });

  it('sorts rows by name', () => {
    expect(nodeRows([node('worker2'), node('control-plane'), node('worker')]).map((r) => r.name)).toEqual([
      'control-plane',
      'worker',
      'worker2',
    ]);
  });
});
