import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from './helpers/testing';
import { deploymentStrategy as s } from './deployment';

const deploy = (spec: Record<string, unknown>) => obj('apps/v1', 'Deployment', 'web', { spec });
const base = () => ({
  selector: { matchLabels: { app: 'web' } },
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
});

describe('Deployment defaults', () => {
  it('fills the upstream apps/v1 defaults', () => {
    const d = prepareCreate(s, deploy(base()));
    const spec = d.spec as Record<string, unknown>;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    const pod = (spec.template as { spec: Record<string, unknown> }).spec;
    expect(pod.restartPolicy).toBe('Always');
    expect(pod.dnsPolicy).toBe('ClusterFirst');
    expect(pod.terminationGracePeriodSeconds).toBe(30);
    expect(d.status).toEqual({});
  });

  it('keeps what the user set and leaves rollingUpdate off for Recreate', () => {
    const d = prepareCreate(s, deploy({ ...base(), replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 }));
    const spec = d.spec as Record<string, unknown>;
    expect(spec.replicas).toBe(0);
    expect(spec.strategy).toEqual({ type: 'Recreate' });
    expect(spec.revisionHistoryLimit).toBe(0);
  });
});

describe('Deployment validation', () => {
  it('accepts a plain deployment', () => {
    expect(createErrors(s, deploy(base()))).toEqual([]);
  });

  it('reports a selector that does not match the template labels', () => {
    const spec = base();
    spec.selector = { matchLabels: { app: 'other' } };
    spec.template.metadata.labels = { app: 'x' };
    expect(createErrors(s, deploy(spec))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });

  it('reports a missing selector twice, as upstream does', () => {
    const spec: Record<string, unknown> = base();
    delete spec.selector;
    expect(createErrors(s, deploy(spec))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects negative replicas', () => {
    expect(createErrors(s, deploy({ ...base(), replicas: -1 }))).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    const errs = createErrors(s, deploy({ ...base(), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }));
    expect(errs).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    const pct = createErrors(s, deploy({ ...base(), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }));
    expect(pct).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('rejects bad percentages and over 100%', () => {
    const errs = createErrors(s, deploy({ ...base(), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: '150%' } } }));
    expect(errs[0]).toMatch(/^spec\.strategy\.rollingUpdate\.maxSurge: Invalid value: intstr\.IntOrString\{Type:1, IntVal:0, StrVal:"abc"\}: a valid percent string/);
    expect(errs).toContain('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%');
  });

  it('rejects an unknown strategy type and rollingUpdate with Recreate', () => {
    expect(createErrors(s, deploy({ ...base(), strategy: { type: 'BlueGreen' } }))).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ]);
    expect(createErrors(s, deploy({ ...base(), strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it('requires progressDeadlineSeconds above minReadySeconds and restartPolicy Always', () => {
    const spec = { ...base(), minReadySeconds: 600 };
    expect(createErrors(s, deploy(spec))).toEqual(['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']);
    const never = base();
    (never.template.spec as Record<string, unknown>).restartPolicy = 'Never';
    expect(createErrors(s, deploy(never))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it('rejects an empty selector', () => {
    expect(createErrors(s, deploy({ ...base(), selector: {} }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });
});

describe('Deployment update', () => {
  it('refuses a selector change with field is immutable', () => {
    const old = prepareCreate(s, deploy(base()));
    const next = deploy(base());
    (next.spec as Record<string, unknown>).selector = { matchLabels: { app: 'web', tier: 'x' } };
    ((next.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels).tier = 'x';
    expect(updateErrors(s, next, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('keeps the old status and bumps generation on annotation changes', () => {
    const old = prepareCreate(s, deploy(base()));
    old.metadata.generation = 3;
    old.status = { replicas: 1 };
    const next = deploy(base());
    next.metadata.annotations = { note: 'x' };
    next.status = { replicas: 99 };
    s.prepareForUpdate!(next, old, { now: 0, get: () => undefined, list: () => [] });
    expect(next.status).toEqual({ replicas: 1 });
    expect(next.metadata.generation).toBe(4);
  });
});
