import { describe, it, expect } from 'vitest';
import { clusterStatus } from './clusterStatus';

const running = { phase: 'running' } as const;

describe('clusterStatus', () => {
  it('says ready with the node count when every node is Ready', () => {
    expect(clusterStatus({ connection: running, nodesSynced: true, nodes: 4, readyNodes: 4 })).toEqual({
      tone: 'ok',
      text: 'Cluster ready — 4 nodes',
    });
    expect(clusterStatus({ connection: running, nodesSynced: true, nodes: 1, readyNodes: 1 }).text).toBe('Cluster ready — 1 node');
  });

  it('counts Ready nodes when some are not', () => {
    expect(clusterStatus({ connection: running, nodesSynced: true, nodes: 3, readyNodes: 1 })).toEqual({
      tone: 'warn',
      text: 'Cluster running — 1 of 3 nodes Ready',
    });
  });

  it('is pending until the worker runs and nodes are listed and registered', () => {
    expect(clusterStatus({ connection: { phase: 'starting' }, nodesSynced: false, nodes: 0, readyNodes: 0 }).tone).toBe('pending');
    expect(clusterStatus({ connection: running, nodesSynced: false, nodes: 0, readyNodes: 0 }).text).toBe('Starting cluster…');
    expect(clusterStatus({ connection: running, nodesSynced: true, nodes: 0, readyNodes: 0 }).text).toMatch(/waiting for nodes/);
  });

  it('reports a failed start with its reason', () => {
    expect(clusterStatus({ connection: { phase: 'failed', message: 'boom' }, nodesSynced: true, nodes: 3, readyNodes: 3 })).toEqual({
      tone: 'error',
      text: 'Cluster failed to start: boom',
    });
  });
});
