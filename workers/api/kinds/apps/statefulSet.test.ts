import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from './helpers/testing';
import { statefulSetStrategy as s } from './statefulSet';
import { daemonSetStrategy, TEMPLATE_GENERATION_ANNOTATION } from './daemonSet';

const spec = () => ({
  serviceName: 'web',
  selector: { matchLabels: { app: 'web' } },
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
});
const sts = (sp: Record<string, unknown>, name = 'web') => obj('apps/v1', 'StatefulSet', name, { spec: sp });

describe('StatefulSet', () => {
  it('defaults as apps/v1 does, including claim templates', () => {
    const o = prepareCreate(s, sts(spec()));
    const sp = o.spec as Record<string, unknown>;
    expect(sp.podManagementPolicy).toBe('OrderedReady');
    expect(sp.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(sp.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sp.replicas).toBe(1);
    expect(sp.revisionHistoryLimit).toBe(10);
    const pvc = (sp.volumeClaimTemplates as Array<Record<string, unknown>>)[0];
    expect(pvc.spec).toMatchObject({ volumeMode: 'Filesystem' });
    expect(pvc.status).toEqual({ phase: 'Pending' });
    expect(o.status).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(createErrors(s, sts(spec()))).toEqual([]);
  });

  it('forbids updates to fields other than the mutable ones', () => {
    const old = prepareCreate(s, sts(spec()));
    const next = sts({ ...spec(), serviceName: 'other' });
    expect(updateErrors(s, next, old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
    expect(updateErrors(s, sts({ ...spec(), replicas: 5, minReadySeconds: 3 }), old)).toEqual([]);
  });

  it('wants a DNS label name and a known pod management policy', () => {
    expect(createErrors(s, sts(spec(), 'a.b'))).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
    expect(createErrors(s, sts({ ...spec(), podManagementPolicy: 'Sometimes' }))).toEqual([
      "spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'",
    ]);
  });
});

describe('DaemonSet', () => {
  const ds = (sp: Record<string, unknown>) => obj('apps/v1', 'DaemonSet', 'agent', { spec: sp });
  const dspec = () => ({ selector: spec().selector, template: spec().template });

  it('defaults the rolling update and tracks the template generation annotation', () => {
    const o = prepareCreate(daemonSetStrategy, ds(dspec()));
    expect((o.spec as Record<string, unknown>).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(o.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]).toBe('1');
    const next = ds(dspec());
    ((next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]).image = 'nginx:2';
    daemonSetStrategy.prepareForUpdate!(next, o, { now: 0, get: () => undefined, list: () => [] });
    expect(next.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]).toBe('2');
  });

  it('rejects both maxSurge and maxUnavailable set', () => {
    const errs = createErrors(daemonSetStrategy, ds({ ...dspec(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    expect(errs).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']);
  });
});
