/** The registry of built-in kinds: names from `builtin.ts` joined with each group's strategy hooks. */
import { BUILTIN_NAMES, singularOf } from './builtin';
import { Registry } from './registry';
import type { ResourceType } from './types';
import { coreStrategies } from './core';
import { apiextensionsStrategies } from './apiextensions';
import { appsStrategies } from './apps';
import { autoscalingStrategies } from './autoscaling';
import { batchStrategies } from './batch';
import { coordinationStrategies } from './coordination';
import { discoveryStrategies } from './discovery';
import { eventsStrategies } from './events';
import { networkingStrategies } from './networking';
import { policyStrategies } from './policy';
import { rbacStrategies } from './rbac';
import { schedulingStrategies } from './scheduling';
import { storageStrategies } from './storage';

const STRATEGIES: Record<string, Record<string, Partial<ResourceType>>> = {
  '': coreStrategies,
  'apiextensions.k8s.io': apiextensionsStrategies,
  apps: appsStrategies,
  autoscaling: autoscalingStrategies,
  batch: batchStrategies,
  'coordination.k8s.io': coordinationStrategies,
  'discovery.k8s.io': discoveryStrategies,
  'events.k8s.io': eventsStrategies,
  'networking.k8s.io': networkingStrategies,
  policy: policyStrategies,
  'rbac.authorization.k8s.io': rbacStrategies,
  'scheduling.k8s.io': schedulingStrategies,
  'storage.k8s.io': storageStrategies,
};

export function buildRegistry(): Registry {
  const registry = new Registry();
  for (const names of BUILTIN_NAMES) {
    const hooks = STRATEGIES[names.group]?.[names.kind] ?? {};
    // The core kinds' validation covers their metadata, as upstream's ValidateX functions do.
    const rt: ResourceType = { singular: singularOf(names.kind), validatesMeta: names.group === '', ...hooks, ...names };
    registry.add(rt);
  }
  return registry;
}
