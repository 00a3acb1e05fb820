/**
 * Defaults for a PodSpec and everything inside it, as the generated
 * SetObjectDefaults_* in pkg/apis/core/v1 apply them to any object that
 * embeds a pod template (pkg/apis/core/v1/defaults.go + `+default` markers).
 * Pod-only defaults (requests from limits, enableServiceLinks, host ports)
 * live in pod.ts, as upstream keeps them in SetDefaults_Pod.
 */
import type { Container, PodSpec, PodTemplateSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import { canonicalQuantityMemo as canonicalQuantity } from './quantityMemo';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Elements of `v` that are objects; anything else (bad input) is skipped. */
export const objects = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter(isObj) as T[]) : []);

/** SetDefaults_ResourceList: round up to milli and write back canonically. */
export function defaultResourceList(list: unknown): void {
  if (!isObj(list)) return;
  for (const k of Object.keys(list)) list[k] = canonicalQuantity(list[k]);
}

/** parsers.ParseImageName → tag; "latest" when neither tag nor digest is given. */
export function imageTag(image: string): string | undefined {
  if (!image || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.indexOf(':', lastSlash + 1);
  if (colon >= 0) return named.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHandler(h: unknown): void {
  if (!isObj(h)) return;
  const http = h.httpGet;
  if (isObj(http)) {
    if (!http.path) http.path = '/';
    if (!http.scheme) http.scheme = 'HTTP';
  }
  const grpc = h.grpc;
  // GRPCAction.service carries `+default=""` and no omitempty.
  if (isObj(grpc) && grpc.service === undefined) grpc.service = '';
}

export function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHandler(p);
}

/** SetDefaults_Container plus the defaults of everything a container holds. */
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const p of objects<{ protocol?: string }>(c.ports)) if (!p.protocol) p.protocol = 'TCP';
  for (const e of objects<NonNullable<Container['env']>[number]>(c.env)) {
    const ref = e.valueFrom?.fieldRef;
    if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
  }
  // ResourceRequirements is a struct in Go, so it always serializes (`resources: {}`).
  if (!isObj(c.resources)) c.resources = {};
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  for (const p of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (isObj(p)) defaultProbe(p as Probe);
  if (isObj(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
}

const DEFAULT_MODE = 0o644;

/** SetDefaults_Volume and the per-source defaults beneath it. */
export function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && (v as unknown as Obj)[k] !== undefined && (v as unknown as Obj)[k] !== null);
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = DEFAULT_MODE;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = DEFAULT_MODE;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = DEFAULT_MODE;
    for (const item of objects<{ fieldRef?: { apiVersion?: string } }>(v.downwardAPI.items)) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = DEFAULT_MODE;
    for (const s of objects<NonNullable<NonNullable<Volume['projected']>['sources']>[number]>(v.projected.sources)) {
      if (s.serviceAccountToken && s.serviceAccountToken.expirationSeconds === undefined) s.serviceAccountToken.expirationSeconds = 3600;
      for (const item of objects<{ fieldRef?: { apiVersion?: string } }>(s.downwardAPI?.items)) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  }
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
  const pvcSpec = v.ephemeral?.volumeClaimTemplate?.spec;
  if (pvcSpec) {
    if (!pvcSpec.volumeMode) pvcSpec.volumeMode = 'Filesystem';
    defaultResourceList(pvcSpec.resources?.requests);
    defaultResourceList(pvcSpec.resources?.limits);
  }
  const image = (v as unknown as Obj).image;
  if (isObj(image) && !image.pullPolicy) image.pullPolicy = defaultPullPolicy(typeof image.reference === 'string' ? image.reference : '');
  if (isObj(v.emptyDir) && v.emptyDir.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalQuantity(v.emptyDir.sizeLimit) as string;
}

/**
 * The v1 conversion keeps the deprecated `serviceAccount` as a mirror of
 * `serviceAccountName` (and reads it when only the old field is given).
 */
export function syncDeprecatedServiceAccount(spec: PodSpec): void {
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
}

/** SetDefaults_PodSpec and the defaults of its containers and volumes. Mutates `spec`. */
export function defaultPodSpec(spec: PodSpec): void {
  syncDeprecatedServiceAccount(spec);
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const c of spec.containers ?? []) if (isObj(c)) defaultContainer(c);
  for (const c of spec.initContainers ?? []) if (isObj(c)) defaultContainer(c);
  for (const c of spec.ephemeralContainers ?? []) if (isObj(c)) defaultContainer(c as Container);
  for (const v of spec.volumes ?? []) if (isObj(v)) defaultVolume(v);
  defaultResourceList(spec.overhead);
  for (const s of spec.imagePullSecrets ?? []) if (isObj(s) && s.name === undefined) s.name = '';
}

/**
 * Defaults for a PodTemplateSpec embedded in a workload. v1.32 serializes the
 * template's empty creationTimestamp as `null`, which `-o yaml` shows.
 */
export function defaultPodTemplateSpec(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  if (!isObj(template.metadata)) template.metadata = {};
  if (!('creationTimestamp' in template.metadata)) (template.metadata as unknown as Obj).creationTimestamp = null;
  if (!isObj(template.spec)) template.spec = {} as PodSpec;
  defaultPodSpec(template.spec);
}
