import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { objectSummary } from './objectSummary';

const o = (kind: string, spec: unknown = {}, status: unknown = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', ...(annotations ? { annotations } : {}) },
  spec,
  status,
});

describe('objectSummary', () => {
  it('counts ready replicas against the desired number', () => {
    expect(objectSummary(o('Deployment', { replicas: 3 }, { readyReplicas: 3 }))).toEqual({ summary: '3/3 ready', tone: 'ok' });
    expect(objectSummary(o('Deployment', { replicas: 3 }, { readyReplicas: 1 }))).toEqual({ summary: '1/3 ready', tone: 'warn' });
    expect(objectSummary(o('StatefulSet', {}, {})).summary).toBe('0/1 ready');
    expect(objectSummary(o('DaemonSet', {}, { numberReady: 2, desiredNumberScheduled: 3 })).summary).toBe('2/3 ready');
  });

  it('shows a ReplicaSet revision', () => {
    expect(objectSummary(o('ReplicaSet', { replicas: 2 }, { readyReplicas: 2 }, { 'deployment.kubernetes.io/revision': '4' })).summary).toBe('2/2 ready · rev 4');
  });

  it('reads Job conditions', () => {
    expect(objectSummary(o('Job', { completions: 1 }, { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }))).toEqual({ summary: 'Complete · 1/1', tone: 'ok' });
    expect(objectSummary(o('Job', {}, { conditions: [{ type: 'Failed', status: 'True' }] })).tone).toBe('error');
    expect(objectSummary(o('Job', {}, {})).summary).toBe('Running · 0/1');
  });

  it('prints Service type, IP and ports', () => {
    expect(objectSummary(o('Service', { type: 'ClusterIP', clusterIP: '10.96.0.12', ports: [{ port: 80 }] })).summary).toBe('ClusterIP · 10.96.0.12 · 80');
    expect(objectSummary(o('Service', { type: 'NodePort', clusterIP: '10.96.0.13', ports: [{ port: 80, nodePort: 30080 }] })).summary).toBe('NodePort · 10.96.0.13 · 80:30080');
    expect(objectSummary(o('Service', { clusterIP: 'None' })).summary).toBe('ClusterIP · headless');
  });

  it('prints claim and volume phases', () => {
    expect(objectSummary(o('PersistentVolumeClaim', { resources: { requests: { storage: '1Gi' } } }, { phase: 'Pending' }))).toEqual({ summary: 'Pending · 1Gi', tone: 'warn' });
    expect(objectSummary(o('PersistentVolume', { capacity: { storage: '5Gi' } }, { phase: 'Bound' }))).toEqual({ summary: 'Bound · 5Gi', tone: 'ok' });
  });

  it('survives junk', () => {
    expect(objectSummary(o('Deployment', 'nope', 42)).summary).toBe('0/1 ready');
    expect(objectSummary(o('Widget')).summary).toBe('');
  });
});
