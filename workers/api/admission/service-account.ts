/**
 * ServiceAccount: mirrors plugin/pkg/admission/serviceaccount/admission.go
 * (v1.32). On pod create it defaults the service account to `default`,
 * requires that account to exist, projects the bound token volume
 * `kube-api-access-<5 chars>` into every container, copies the account's
 * imagePullSecrets, and (if the account asks for it) limits secret references.
 */
import type { KubeObject } from '../object';
import { admissionForbidden } from './forbidden';
import { asArray, asObject, asString, containersOf, ensureArray, isObject, type JsonObject } from './json';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const ENFORCE_MOUNTABLE_SECRETS_ANNOTATION = 'kubernetes.io/enforce-mountable-secrets';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds */
const BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
/** corev1.ProjectedVolumeSourceDefaultMode (0644) */
const PROJECTED_DEFAULT_MODE = 420;

/** TokenVolumeSource(): the projected volume every automounting pod gets. */
export function tokenVolumeSource(): JsonObject {
  return {
    sources: [
      { serviceAccountToken: { expirationSeconds: BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
    defaultMode: PROJECTED_DEFAULT_MODE,
  };
}

function shouldIgnore(req: AdmissionRequest): boolean {
  if (req.group !== '' || req.resource !== 'pods') return true;
  if (req.subresource && req.subresource !== 'ephemeralcontainers') return true;
  return !req.object;
}

function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined;
}

type Lookup = { ok: true; sa: KubeObject } | { ok: false; result: AdmissionResult };

function getServiceAccount(req: AdmissionRequest, name: string): Lookup {
  const ns = req.namespace ?? '';
  const sa = req.ctx.get('serviceaccounts', ns, name);
  if (sa) return { ok: true, sa };
  return {
    ok: false,
    result: admissionForbidden(req, `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`),
  };
}

/** Pod's preference wins, then the service account's, then true. */
function shouldAutomount(sa: KubeObject, spec: JsonObject): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

function mountServiceAccountToken(spec: JsonObject, req: AdmissionRequest): void {
  const volumes = asArray(spec.volumes).filter(isObject);
  const existing = volumes.find((v) => asString(v.name).startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing ? asString(existing.name) : `${SERVICE_ACCOUNT_VOLUME_NAME}-${req.rng.nameSuffix(5)}`;
  let needsVolume = false;
  for (const key of ['initContainers', 'containers'] as const) {
    for (const c of containersOf(spec, key)) {
      const mounts = asArray(c.volumeMounts).filter(isObject);
      // An existing mount at the token path keeps its place.
      if (mounts.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
      ensureArray(c, 'volumeMounts').push({ name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH });
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) ensureArray(spec, 'volumes').push({ name: volumeName, projected: tokenVolumeSource() });
}

function enforceMountableSecrets(sa: KubeObject): boolean {
  const v = sa.metadata.annotations?.[ENFORCE_MOUNTABLE_SECRETS_ANNOTATION];
  return v !== undefined && /^(1|t|T|TRUE|true|True)$/.test(v);
}

/** limitSecretReferences: the first reference the account does not list. */
function limitSecretReferences(sa: KubeObject, spec: JsonObject): string | undefined {
  const mountable = new Set(asArray(sa.secrets).map((s) => asString(asObject(s).name)));
  for (const v of asArray(spec.volumes).filter(isObject)) {
    const secret = v.secret;
    if (!isObject(secret)) continue;
    const name = asString(secret.secretName);
    if (!mountable.has(name)) {
      return `volume with secret.secretName="${name}" is not allowed because service account ${sa.metadata.name} does not reference that secret`;
    }
  }
  for (const [key, label] of [
    ['initContainers', 'init container'],
    ['containers', 'container'],
  ] as const) {
    for (const c of containersOf(spec, key)) {
      for (const env of asArray(c.env).filter(isObject)) {
        const ref = asObject(asObject(env.valueFrom).secretKeyRef);
        if (isObject(asObject(env.valueFrom).secretKeyRef) && !mountable.has(asString(ref.name))) {
          return `${label} ${asString(c.name)} with envVar ${asString(env.name)} referencing secret.secretName="${asString(ref.name)}" is not allowed because service account ${sa.metadata.name} does not reference that secret`;
        }
      }
      for (const from of asArray(c.envFrom).filter(isObject)) {
        if (!isObject(from.secretRef)) continue;
        const name = asString(from.secretRef.name);
        if (!mountable.has(name)) {
          return `${label} ${asString(c.name)} with envFrom referencing secret.secretName="${name}" is not allowed because service account ${sa.metadata.name} does not reference that secret`;
        }
      }
    }
  }
  const pullSecrets = new Set(asArray(sa.imagePullSecrets).map((s) => asString(asObject(s).name)));
  const podPull = asArray(spec.imagePullSecrets);
  for (let i = 0; i < podPull.length; i++) {
    const name = asString(asObject(podPull[i]).name);
    if (!pullSecrets.has(name)) {
      return `imagePullSecrets[${i}].name="${name}" is not allowed because service account ${sa.metadata.name} does not reference that imagePullSecret`;
    }
  }
  return undefined;
}

function validate(req: AdmissionRequest): AdmissionResult {
  if (shouldIgnore(req) || req.operation !== 'CREATE' || req.subresource) return ADMIT;
  const pod = req.object!;
  const spec = asObject(pod.spec);
  if (isMirrorPod(pod)) return validateMirrorPod(req, spec);
  const saName = asString(spec.serviceAccountName);
  if (!saName) return admissionForbidden(req, `no service account specified for pod ${req.namespace ?? ''}/${pod.metadata.name ?? ''}`);
  const found = getServiceAccount(req, saName);
  if (!found.ok) return found.result;
  if (enforceMountableSecrets(found.sa)) {
    const err = limitSecretReferences(found.sa, spec);
    if (err) return admissionForbidden(req, err);
  }
  return ADMIT;
}

function validateMirrorPod(req: AdmissionRequest, spec: JsonObject): AdmissionResult {
  if (asString(spec.serviceAccountName)) return admissionForbidden(req, 'a mirror pod may not reference service accounts');
  const volumes = asArray(spec.volumes).filter(isObject);
  const usesSecret =
    volumes.some((v) => isObject(v.secret)) ||
    asArray(spec.imagePullSecrets).length > 0 ||
    (['initContainers', 'containers'] as const).some((k) =>
      containersOf(spec, k).some(
        (c) =>
          asArray(c.env).some((e) => isObject(asObject(asObject(e).valueFrom).secretKeyRef)) ||
          asArray(c.envFrom).some((f) => isObject(asObject(f).secretRef)),
      ),
    );
  if (usesSecret) return admissionForbidden(req, 'a mirror pod may not reference secrets');
  for (const v of volumes) {
    if (asArray(asObject(v.projected).sources).some((s) => isObject(asObject(s).serviceAccountToken))) {
      return admissionForbidden(req, 'a mirror pod may not use ServiceAccountToken volume projections');
    }
  }
  return ADMIT;
}

export const serviceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (shouldIgnore(req) || req.operation !== 'CREATE') return ADMIT;
    const pod = req.object!;
    if (isMirrorPod(pod)) return validate(req);
    if (!isObject(pod.spec)) pod.spec = {};
    const spec = pod.spec as JsonObject;
    // v1 conversion reads the deprecated `serviceAccount` when the new field is empty.
    if (!asString(spec.serviceAccountName)) {
      spec.serviceAccountName = asString(spec.serviceAccount) || DEFAULT_SERVICE_ACCOUNT_NAME;
    }
    const found = getServiceAccount(req, asString(spec.serviceAccountName));
    if (!found.ok) return found.result;
    if (shouldAutomount(found.sa, spec)) mountServiceAccountToken(spec, req);
    const saPull = asArray(found.sa.imagePullSecrets);
    if (asArray(spec.imagePullSecrets).length === 0 && saPull.length > 0) {
      spec.imagePullSecrets = saPull.map((s) => ({ name: asString(asObject(s).name) }));
    }
    // The v1 form always carries the deprecated twin of serviceAccountName.
    spec.serviceAccount = spec.serviceAccountName;
    return validate(req);
  },
  validate,
};
