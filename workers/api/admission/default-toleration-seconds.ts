/**
 * DefaultTolerationSeconds: mirrors
 * plugin/pkg/admission/defaulttolerationseconds/admission.go. Pods that do not
 * already tolerate them get 300s tolerations for the not-ready and
 * unreachable NoExecute taints, so the taint manager evicts them after 5 min.
 */
import { asArray, asString, ensureArray, isObject, type JsonObject } from './json';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
const DEFAULT_TOLERATION_SECONDS = 300;

const toleration = (key: string): JsonObject => ({
  key,
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
});

/** A toleration with an empty key or effect covers every key or effect. */
function tolerates(tolerations: JsonObject[], key: string): boolean {
  return tolerations.some((t) => {
    const k = asString(t.key);
    const e = asString(t.effect);
    return (k === key || k === '') && (e === 'NoExecute' || e === '');
  });
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (req.group !== '' || req.resource !== 'pods' || req.subresource || !req.object) return ADMIT;
    if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return ADMIT;
    if (!isObject(req.object.spec)) req.object.spec = {};
    const spec = req.object.spec as JsonObject;
    const existing = asArray(spec.tolerations).filter(isObject);
    const notReady = tolerates(existing, TAINT_NODE_NOT_READY);
    const unreachable = tolerates(existing, TAINT_NODE_UNREACHABLE);
    if (!notReady) ensureArray(spec, 'tolerations').push(toleration(TAINT_NODE_NOT_READY));
    if (!unreachable) ensureArray(spec, 'tolerations').push(toleration(TAINT_NODE_UNREACHABLE));
    return ADMIT;
  },
};

