/**
 * Priority: mirrors plugin/pkg/admission/priority/admission.go (v1.32).
 * Resolves a pod's priorityClassName (or the global default class) into
 * spec.priority and spec.preemptionPolicy, and keeps a second globalDefault
 * PriorityClass from being created.
 */
import type { KubeObject } from '../object';
import { admissionForbidden } from './forbidden';
import { asObject, asString, isObject, type JsonObject } from './json';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';
/**
 * Classes the API server creates at bootstrap (pkg/apis/scheduling
 * SystemPriorityClasses), honoured even if the store was seeded without them.
 */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
/** scheduling.DefaultPriorityWhenNoDefaultClassExists */
const DEFAULT_PRIORITY = 0;

/** When several claim to be the default, upstream picks the lowest value. */
function defaultPriorityClass(req: AdmissionRequest): KubeObject | undefined {
  let best: KubeObject | undefined;
  for (const pc of req.ctx.list(PRIORITY_CLASSES)) {
    if (pc.globalDefault !== true) continue;
    if (!best || num(best.value) > num(pc.value)) best = pc;
  }
  return best;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function admitPod(req: AdmissionRequest): AdmissionResult {
  const pod = req.object!;
  if (!isObject(pod.spec)) pod.spec = {};
  const spec = pod.spec as JsonObject;
  if (req.operation === 'UPDATE') {
    // Set on create; carried over when an update leaves them out.
    const old = asObject(req.oldObject?.spec);
    if (spec.priority === undefined && old.priority !== undefined) spec.priority = old.priority;
    if (spec.preemptionPolicy === undefined && old.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
    return ADMIT;
  }
  let priority: number;
  let preemptionPolicy: string | undefined;
  const className = asString(spec.priorityClassName);
  if (!className) {
    const def = defaultPriorityClass(req);
    if (def) {
      spec.priorityClassName = def.metadata.name;
      priority = num(def.value);
      preemptionPolicy = typeof def.preemptionPolicy === 'string' ? def.preemptionPolicy : undefined;
    } else {
      priority = DEFAULT_PRIORITY;
      preemptionPolicy = 'PreemptLowerPriority';
    }
  } else {
    const pc = req.ctx.get(PRIORITY_CLASSES, undefined, className);
    if (pc) {
      priority = num(pc.value);
      preemptionPolicy = typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : undefined;
    } else if (Object.prototype.hasOwnProperty.call(SYSTEM_CLASSES, className)) {
      priority = SYSTEM_CLASSES[className];
      preemptionPolicy = 'PreemptLowerPriority';
    } else {
      return admissionForbidden(req, `no PriorityClass with name ${className} was found`);
    }
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    return admissionForbidden(
      req,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  if (preemptionPolicy !== undefined) {
    if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== preemptionPolicy) {
      return admissionForbidden(
        req,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
  return ADMIT;
}

function validatePriorityClass(req: AdmissionRequest): AdmissionResult {
  const pc = req.object!;
  if (pc.globalDefault !== true) return ADMIT;
  const def = defaultPriorityClass(req);
  if (!def) return ADMIT;
  if (req.operation === 'CREATE' || def.metadata.name !== pc.metadata.name) {
    return admissionForbidden(req, `PriorityClass ${def.metadata.name} is already marked as default. Only one default can exist`);
  }
  return ADMIT;
}

export const priority: AdmissionPlugin = {
  name: 'Priority',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (req.subresource || !req.object || req.group !== '' || req.resource !== 'pods') return ADMIT;
    if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return ADMIT;
    return admitPod(req);
  },
  validate(req: AdmissionRequest): AdmissionResult {
    if (req.subresource || !req.object || req.group !== 'scheduling.k8s.io' || req.resource !== 'priorityclasses') return ADMIT;
    if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return ADMIT;
    return validatePriorityClass(req);
  },
};
