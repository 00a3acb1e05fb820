import { beforeAll, describe, expect, it } from 'vitest';
import { definitionNameForGVK, loadDefinitions } from './definitions';
import type { Definitions } from './types';

let defs: Definitions;
beforeAll(async () => {
  defs = await loadDefinitions();
});

const D = 'io.k8s.api.apps.v1.Deployment';

describe('generated definitions', () => {
  it('has Deployment with spec/status refs and its GVK', () => {
    const d = defs[D];
    expect(d.properties?.spec?.$ref).toBe('#/definitions/io.k8s.api.apps.v1.DeploymentSpec');
    expect(d.properties?.status?.$ref).toBe('#/definitions/io.k8s.api.apps.v1.DeploymentStatus');
    expect(d.properties?.metadata?.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(d['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec'].required).toEqual(['selector', 'template']);
  });

  it('keeps descriptions, including those of fields that reference a type', () => {
    expect(defs['io.k8s.api.apps.v1.DeploymentStrategy'].description).toBe('DeploymentStrategy describes how to replace existing pods with new ones.');
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec'].properties?.strategy?.description).toBe('The deployment strategy to use to replace existing pods with new ones.');
    expect(defs['io.k8s.api.apps.v1.RollingUpdateDeployment'].properties?.maxSurge?.description).toMatch(/^The maximum number of pods that can be scheduled above/);
  });

  it('names shared types after their own group', () => {
    expect(defs['io.k8s.api.core.v1.PodSpec']).toBeDefined();
    expect(defs['io.k8s.api.apps.v1.PodSpec']).toBeUndefined();
    expect(defs['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', kind: 'Scale', version: 'v1' }]);
    expect(defs['io.k8s.api.core.v1.TopologySelectorTerm']).toBeDefined();
    expect(defs['io.k8s.api.authentication.v1.TokenRequestSpec']).toBeDefined();
    expect(defs['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']).toBeDefined();
    // Only GA group-versions ship, as a default v1.32 cluster serves.
    expect(Object.keys(defs).filter((n) => /\.v\d+(alpha|beta)\d+\./.test(n))).toEqual([]);
  });

  it('restores IntOrString, Quantity and Time', () => {
    expect(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({ type: 'string' });
    expect(defs['io.k8s.api.core.v1.ResourceRequirements'].properties?.limits?.additionalProperties?.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity');
    expect(defs['io.k8s.api.core.v1.EmptyDirVolumeSource'].properties?.sizeLimit?.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity');
    expect(defs['io.k8s.api.core.v1.ServicePort'].properties?.targetPort?.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties?.creationTimestamp?.$ref).toBe('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time');
    expect(defs['io.k8s.api.core.v1.Container'].properties?.ports?.items?.$ref).toBe('#/definitions/io.k8s.api.core.v1.ContainerPort');
    expect(defs['io.k8s.api.core.v1.ContainerPort'].properties?.containerPort).toMatchObject({ type: 'integer', format: 'int32' });
  });

  it('carries patch and list metadata', () => {
    const pod = defs['io.k8s.api.core.v1.PodSpec'].properties ?? {};
    expect(pod.containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] });
    expect(pod.volumes['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    expect(pod.tolerations['x-kubernetes-list-type']).toBe('atomic');
    expect(pod.tolerations['x-kubernetes-patch-strategy']).toBeUndefined();
    const c = defs['io.k8s.api.core.v1.Container'].properties ?? {};
    expect(c.ports).toMatchObject({ 'x-kubernetes-patch-merge-key': 'containerPort', 'x-kubernetes-list-map-keys': ['containerPort', 'protocol'] });
    expect(c.env['x-kubernetes-patch-merge-key']).toBe('name');
    expect(c.volumeMounts['x-kubernetes-patch-merge-key']).toBe('mountPath');
    expect(defs['io.k8s.api.core.v1.EphemeralContainer'].properties?.env['x-kubernetes-patch-merge-key']).toBe('name');
    expect(defs['io.k8s.api.core.v1.ServiceSpec'].properties?.ports).toMatchObject({ 'x-kubernetes-patch-merge-key': 'port', 'x-kubernetes-list-map-keys': ['port', 'protocol'] });
    expect(defs['io.k8s.api.apps.v1.DeploymentSpec'].properties?.strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
    const meta = defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties ?? {};
    expect(meta.ownerReferences).toMatchObject({ 'x-kubernetes-patch-merge-key': 'uid', 'x-kubernetes-list-type': 'map' });
    expect(meta.finalizers).toMatchObject({ 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' });
    expect(defs['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']['x-kubernetes-map-type']).toBe('atomic');
    expect(defs['io.k8s.api.core.v1.NodeStatus'].properties?.addresses['x-kubernetes-patch-merge-key']).toBe('type');
    expect(defs['io.k8s.api.batch.v1.JobStatus'].properties?.conditions).toMatchObject({ 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': 'type' });
    expect(defs['io.k8s.api.core.v1.PersistentVolumeSpec'].properties?.claimRef['x-kubernetes-map-type']).toBe('granular');
  });

  it('has no dangling references', () => {
    const missing: string[] = [];
    const walk = (s: unknown): void => {
      if (!s || typeof s !== 'object') return;
      const ref = (s as { $ref?: unknown }).$ref;
      if (typeof ref === 'string' && !(ref.replace('#/definitions/', '') in defs)) missing.push(ref);
      for (const v of Object.values(s)) walk(v);
    };
    walk(defs);
    expect(missing).toEqual([]);
  });

  it('finds a definition by GVK, preferring real kinds over DeleteOptions', () => {
    expect(definitionNameForGVK(defs, { group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(D);
    expect(definitionNameForGVK(defs, { group: 'apps', version: 'v1', kind: 'DeleteOptions' })).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions');
    expect(definitionNameForGVK(defs, { group: 'apps', version: 'v1beta1', kind: 'Deployment' })).toBeUndefined();
    expect(definitionNameForGVK(defs, { group: '', version: 'v1', kind: 'Pod' })).toBe('io.k8s.api.core.v1.Pod');
  });
});
