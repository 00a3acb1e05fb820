/**
 * Every manifest in the shared corpus whose kind belongs to one of the
 * non-core group folders (apps, batch, autoscaling, networking, storage,
 * rbac, policy, …) defaults and validates cleanly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { apiextensionsStrategies } from '../apiextensions';
import { appsStrategies } from './index';
import { autoscalingStrategies, hpaV1ToV2 } from '../autoscaling';
import { batchStrategies } from '../batch';
import { coordinationStrategies } from '../coordination';
import { discoveryStrategies } from '../discovery';
import { eventsStrategies } from '../events';
import { networkingStrategies } from '../networking';
import { policyStrategies } from '../policy';
import { rbacStrategies } from '../rbac';
import { schedulingStrategies } from '../scheduling';
import { storageStrategies } from '../storage';
import { createErrors } from './helpers/testing';

const CORPUS = '/work/shared/corpus/manifests';

const byGroup: Record<string, Record<string, Partial<ResourceType>>> = {
  apps: appsStrategies,
  batch: batchStrategies,
  autoscaling: autoscalingStrategies,
  'networking.k8s.io': networkingStrategies,
  'storage.k8s.io': storageStrategies,
  'rbac.authorization.k8s.io': rbacStrategies,
  policy: policyStrategies,
  'coordination.k8s.io': coordinationStrategies,
  'discovery.k8s.io': discoveryStrategies,
  'scheduling.k8s.io': schedulingStrategies,
  'apiextensions.k8s.io': apiextensionsStrategies,
  'events.k8s.io': eventsStrategies,
};

const CLUSTER_SCOPED = new Set(['StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'CustomResourceDefinition', 'IngressClass']);

const cases: Array<[string, KubeObject, Partial<ResourceType>]> = [];
for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(CORPUS, file), 'utf8'))) {
    let o = doc.toJS() as KubeObject | null;
    if (!o || typeof o.apiVersion !== 'string') continue;
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    const strategy = byGroup[group]?.[o.kind];
    if (!strategy) continue;
    if (o.apiVersion === 'autoscaling/v1') o = hpaV1ToV2(o);
    if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace ??= 'default';
    cases.push([`${file} ${o.kind}/${o.metadata.name}`, o, strategy]);
  }
}

describe('corpus manifests of the group kinds', () => {
  it('finds the corpus kinds', () => {
    const kinds = new Set(cases.map(([, o]) => o.kind));
    for (const k of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'HorizontalPodAutoscaler', 'Ingress', 'NetworkPolicy', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PodDisruptionBudget']) {
      expect(kinds).toContain(k);
    }
  });

  it.each(cases)('%s defaults and validates', (_name, o, strategy) => {
    expect(createErrors(strategy, o)).toEqual([]);
  });
});
