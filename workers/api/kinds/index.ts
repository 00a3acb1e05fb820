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
import { hpaV1ToV2, hpaV2ToV1 } from './autoscaling/convert';
import { coreToEventsV1, eventsV1ToCore } from './events/convert';

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

/** Versions served as views of another stored kind. */
const CONVERSIONS: Record<string, NonNullable<ResourceType['conversion']> & { ownValidation?: boolean }> = {
  'autoscaling/v1/HorizontalPodAutoscaler': {
    storage: { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers' },
    toStorage: hpaV1ToV2,
    fromStorage: hpaV2ToV1,
  },
  'events.k8s.io/v1/Event': {
    storage: { group: '', version: 'v1', plural: 'events' },
    toStorage: eventsV1ToCore,
    fromStorage: coreToEventsV1,
    // events.k8s.io/v1 has stricter rules than core/v1 (ValidateEventCreate by request version).
    ownValidation: true,
  },
};

export function buildRegistry(): Registry {
  const registry = new Registry();
  for (const names of BUILTIN_NAMES) {
    const hooks = STRATEGIES[names.group]?.[names.kind] ?? {};
    // The core kinds' validation covers their metadata, as upstream's ValidateX functions do.
    const conversion = CONVERSIONS[`${names.group}/${names.version}/${names.kind}`];
    const rt: ResourceType = conversion
      ? { singular: singularOf(names.kind), ...names, conversion, ...(conversion.ownValidation ? { defaults: hooks.defaults, validate: hooks.validate, validateUpdate: hooks.validateUpdate } : {}) }
      : { singular: singularOf(names.kind), validatesMeta: names.group === '', ...hooks, ...names };
    registry.add(rt);
  }
  return registry;
}
