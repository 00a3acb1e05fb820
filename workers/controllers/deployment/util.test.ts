import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import { computeHash, safeEncodeString } from './podTemplateHash';
import { equalIgnoreHash, lastRevision, maxSurge, maxUnavailable, resolveFenceposts, scaledValue, setNewReplicaSetAnnotations } from './util';

const d = (replicas: number, maxSurge: number | string, maxUnavailable: number | string, type = 'RollingUpdate'): Deployment =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', annotations: { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } }, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable } } },
  }) as Deployment;

const rs = (revision?: string): ReplicaSet => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', annotations: revision === undefined ? {} : { 'deployment.kubernetes.io/revision': revision } }, spec: {} });

describe('fenceposts', () => {
  it('rounds surge up and unavailability down', () => {
    expect(resolveFenceposts(d(10, '25%', '25%'))).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts(d(3, '25%', '25%'))).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(d(4, 2, 1))).toEqual({ surge: 2, unavailable: 1 });
  });

  it('allows one unavailable when both resolve to zero', () => {
    expect(resolveFenceposts(d(1, '10%', '10%'))).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(d(3, 0, '10%'))).toEqual({ surge: 0, unavailable: 1 });
  });

  it('caps maxUnavailable at replicas and is zero for Recreate or zero replicas', () => {
    expect(maxUnavailable(d(2, 0, 5))).toBe(2);
    expect(maxUnavailable(d(0, 1, 1))).toBe(0);
    expect(maxUnavailable(d(5, 1, 1, 'Recreate'))).toBe(0);
    expect(maxSurge(d(5, 1, 1, 'Recreate'))).toBe(0);
  });

  it('refuses strings that are not percentages', () => {
    expect(scaledValue('5', 10, true)).toEqual({ error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
    expect(scaledValue('x%', 10, true)).toHaveProperty('error');
  });
});

describe('pod-template-hash', () => {
  it('maps decimal digits onto the safe alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is stable, ignores Go-zero noise, and changes with the template and collision count', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    const h = computeHash(t);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash({ ...t, metadata: { ...t.metadata, creationTimestamp: null } } as never)).toBe(h);
    expect(computeHash({ ...t, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } })).not.toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
    expect(computeHash(t, 0)).not.toBe(h);
  });

  it('compares templates ignoring the hash label', () => {
    const a = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'app', image: 'nginx', resources: {} }] } };
    const b = { metadata: { labels: { app: 'web' }, creationTimestamp: null }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    expect(equalIgnoreHash(a, b as never)).toBe(true);
    expect(equalIgnoreHash(a, { ...b, metadata: { labels: { app: 'api' } } } as never)).toBe(false);
  });
});

describe('revision annotations', () => {
  it('copies Deployment annotations except the skipped ones and sets replica annotations on create', () => {
    const r = rs();
    expect(setNewReplicaSetAnnotations(d(3, '25%', '25%'), r, 1, false)).toBe(true);
    expect(r.metadata.annotations).toEqual({ team: 'a', 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
  });

  it('records the old revision in revision-history when a ReplicaSet comes back', () => {
    const r = rs('1');
    r.metadata.annotations!['deployment.kubernetes.io/revision-history'] = '';
    setNewReplicaSetAnnotations(d(1, 1, 0), r, 3, true);
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    setNewReplicaSetAnnotations(d(1, 1, 0), r, 5, true);
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1,3');
  });

  it('leaves an unparsable revision alone', () => {
    const r = rs('x');
    expect(setNewReplicaSetAnnotations({ ...d(1, 1, 0), metadata: { name: 'web' } }, r, 2, true)).toBe(false);
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('x');
  });

  it('finds the revision before the latest', () => {
    expect(lastRevision([rs('1'), rs('4'), rs('3'), rs('junk')])).toBe(3);
    expect(lastRevision([rs('2')])).toBe(0);
  });
});
