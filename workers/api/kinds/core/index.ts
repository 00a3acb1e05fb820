/**
 * Strategy hooks (defaults, prepareForCreate/Update, validate, validateUpdate)
 * for the core/v1 kinds, keyed by Kind. Discovery names and printers are
 * registered elsewhere; the registry merges these hooks into its
 * ResourceTypes.
 *
 * The hooks validate metadata with each kind's own name rules (as upstream's
 * ValidateX functions do); the generic path-segment name check that
 * rest.BeforeCreate runs afterwards is `nameIsValidPathSegment` in
 * ../../validation/names.
 */
import type { FieldError } from '../../validation/field';
import type { ResourceType } from '../types';
import { configMapStrategy } from './configMap';
import { endpointsStrategy } from './endpoints';
import { eventStrategy } from './event';
import { limitRangeStrategy } from './limitRange';
import { namespaceStrategy } from './namespace';
import { nodeStrategy } from './node';
import { persistentVolumeStrategy } from './persistentVolume';
import { persistentVolumeClaimStrategy } from './persistentVolumeClaim';
import { podStrategy } from './pod';
import { podTemplateStrategy } from './podTemplate';
import { replicationControllerStrategy } from './replicationController';
import { resourceQuotaStrategy } from './resourceQuota';
import { secretStrategy } from './secret';
import { serviceStrategy } from './service';
import { serviceAccountStrategy } from './serviceAccount';
import { namespaceDeletion, podDeletion } from './deletion';
import { allocateService } from './serviceAllocation';

/**
 * Schema decoding should reject wrongly typed input first; if something
 * still slips through, a hook must not take the worker down. Validation
 * reports the failure as an InternalError instead.
 */
function guarded(s: Partial<ResourceType>): Partial<ResourceType> {
  const out: Partial<ResourceType> = { ...s };
  const internal = (e: unknown): FieldError[] => [{ type: 'InternalError', field: '', detail: e instanceof Error ? e.message : String(e) }];
  if (s.defaults) out.defaults = (o, c) => void tryRun(() => s.defaults!(o, c));
  if (s.prepareForCreate) out.prepareForCreate = (o, c) => void tryRun(() => s.prepareForCreate!(o, c));
  if (s.prepareForUpdate) out.prepareForUpdate = (o, old, c) => void tryRun(() => s.prepareForUpdate!(o, old, c));
  if (s.validate) out.validate = (o, c) => tryRun(() => s.validate!(o, c)) ?? internal(lastError);
  if (s.validateUpdate) out.validateUpdate = (o, old, c) => tryRun(() => s.validateUpdate!(o, old, c)) ?? internal(lastError);
  return out;
}

let lastError: unknown;
function tryRun<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    lastError = e;
    return undefined;
  }
}

const strategies: Record<string, Partial<ResourceType>> = {
  ConfigMap: configMapStrategy,
  Endpoints: endpointsStrategy,
  Event: eventStrategy,
  LimitRange: limitRangeStrategy,
  Namespace: { ...namespaceStrategy, ...namespaceDeletion },
  Node: nodeStrategy,
  PersistentVolume: persistentVolumeStrategy,
  PersistentVolumeClaim: persistentVolumeClaimStrategy,
  Pod: { ...podStrategy, ...podDeletion },
  PodTemplate: podTemplateStrategy,
  ReplicationController: replicationControllerStrategy,
  ResourceQuota: resourceQuotaStrategy,
  Secret: secretStrategy,
  Service: { ...serviceStrategy, allocate: allocateService, returnDeletedObject: true },
  ServiceAccount: serviceAccountStrategy,
};

export const coreStrategies: Record<string, Partial<ResourceType>> = Object.fromEntries(
  Object.entries(strategies).map(([kind, s]) => [kind, guarded(s)]),
);

export * from './podSpec';
export { validatePersistentVolumeClaimSpec } from './persistentVolumeClaimSpec';
export { computePodQOS } from './qos';
export { secretDecodeError } from './secret';
