/**
 * Volume set-up for a pod (pkg/volume/{emptydir,configmap,secret,projected,
 * downwardapi,hostpath}): each volume becomes a directory of files the
 * runtime mounts. A missing ConfigMap or Secret fails the mount with the
 * kubelet's own message; the pod then waits in ContainerCreating.
 */
import type { Container, Pod, Volume as PodVolume, KeyToPath } from 'kubernetes-types/core/v1';
import type { Volume } from '../runtime/types';
import { MemoryVolume, type FileContent, type LazyFile } from './memoryVolume';
import { configMapData, configMapNotFound, secretData, secretNotFound, type ObjectSource } from './objects';
import { fieldRefValue, resourceFieldValue, type DownwardContext } from './fieldRefs';

export interface VolumeFailure {
  volume: string;
  message: string;
}

/** Node-wide storage that outlives pods (hostPath, and PVC data as this node sees it). */
export interface NodeStorage {
  hostPath(path: string): MemoryVolume;
  claim(namespace: string, claim: string): MemoryVolume;
  /** Drop a directory's content (a provisioner deleting a local volume). */
  removeHostPath(path: string): void;
}

export function createNodeStorage(): NodeStorage {
  const hostPaths = new Map<string, MemoryVolume>();
  const claims = new Map<string, MemoryVolume>();
  const get = (m: Map<string, MemoryVolume>, k: string) => {
    let v = m.get(k);
    if (!v) m.set(k, (v = new MemoryVolume(false)));
    return v;
  };
  return { hostPath: (p) => get(hostPaths, p), claim: (ns, c) => get(claims, `${ns}/${c}`), removeHostPath: (p) => void hostPaths.delete(p) };
}

type Files = Record<string, FileContent>;
type FilesResult = { ok: true; files: Files } | { ok: false; message: string };

function pick(data: Record<string, string>, items: KeyToPath[] | undefined, missingKey: (k: string) => string, optional: boolean): FilesResult {
  if (!items?.length) return { ok: true, files: { ...data } };
  const files: Files = {};
  for (const it of items) {
    if (!(it.key in data)) {
      if (optional) continue;
      return { ok: false, message: missingKey(it.key) };
    }
    files[it.path] = data[it.key];
  }
  return { ok: true, files };
}

function configMapFiles(ns: string, src: { name?: string; items?: KeyToPath[]; optional?: boolean }, objects: ObjectSource): FilesResult {
  const name = src.name ?? '';
  const cm = objects.configMap(ns, name);
  if (!cm) return src.optional ? { ok: true, files: {} } : { ok: false, message: configMapNotFound(name) };
  return pick(configMapData(cm), src.items, (k) => `configmap references non-existent config key: ${k}`, !!src.optional);
}

function secretFiles(ns: string, src: { name?: string; secretName?: string; items?: KeyToPath[]; optional?: boolean }, objects: ObjectSource): FilesResult {
  const name = src.secretName ?? src.name ?? '';
  const s = objects.secret(ns, name);
  if (!s) return src.optional ? { ok: true, files: {} } : { ok: false, message: secretNotFound(name) };
  return pick(secretData(s), src.items, (k) => `references non-existent secret key: ${k}`, !!src.optional);
}

function downwardFiles(items: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string; containerName?: string; divisor?: string } }[], ctx: DownwardContext): FilesResult {
  const files: Files = {};
  let containers: Container[] | undefined;
  for (const it of items) {
    if (it.fieldRef) {
      const r = fieldRefValue(it.fieldRef.fieldPath, ctx, true);
      if (!r.ok) return r;
      files[it.path] = r.value;
    } else if (it.resourceFieldRef) {
      containers ??= [...(ctx.pod.spec?.containers ?? []), ...(ctx.pod.spec?.initContainers ?? [])];
      const c = containers.find((x) => x.name === it.resourceFieldRef!.containerName);
      const r = resourceFieldValue(it.resourceFieldRef, c, ctx);
      if (!r.ok) return r;
      files[it.path] = r.value;
    }
  }
  return { ok: true, files };
}

function b64url(s: string): string {
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The header never changes. */
const TOKEN_HEADER = b64url(JSON.stringify({ alg: 'RS256', kid: 'kube-playground' }));

/**
 * A projected service-account token, written out when something reads it:
 * the same text it would have had at mount, from the pod's names (kept
 * instead of the pod object, which is replaced on every update).
 */
class TokenFile implements LazyFile {
  private readonly namespace: string;
  private readonly serviceAccount: string;
  private readonly podName: string | undefined;
  private readonly podUid: string | undefined;

  constructor(
    pod: Pod,
    private readonly nodeName: string,
    private readonly issuedAtMs: number,
    private readonly expirationSeconds: number,
    private readonly audience: string | undefined,
  ) {
    this.namespace = pod.metadata?.namespace ?? 'default';
    this.serviceAccount = pod.spec?.serviceAccountName ?? 'default';
    this.podName = pod.metadata?.name;
    this.podUid = pod.metadata?.uid;
  }

  text(): string {
    const iat = Math.floor(this.issuedAtMs / 1000);
    const ns = this.namespace;
    const sa = this.serviceAccount;
    const payload = {
      aud: [this.audience ?? 'https://kubernetes.default.svc.cluster.local'],
      exp: iat + this.expirationSeconds,
      iat,
      iss: 'https://kubernetes.default.svc.cluster.local',
      'kubernetes.io': { namespace: ns, node: { name: this.nodeName }, pod: { name: this.podName, uid: this.podUid }, serviceaccount: { name: sa } },
      nbf: iat,
      sub: `system:serviceaccount:${ns}:${sa}`,
    };
    const sig = b64url(`${this.podUid ?? ''}:${iat}`).padEnd(86, 'A').slice(0, 86);
    return `${TOKEN_HEADER}.${b64url(JSON.stringify(payload))}.${sig}`;
  }
}

/** A token that looks like a bound service-account JWT; its signature means nothing. */
export function serviceAccountToken(pod: Pod, nodeName: string, issuedAtMs: number, expirationSeconds: number, audience?: string): string {
  return new TokenFile(pod, nodeName, issuedAtMs, expirationSeconds, audience).text();
}

function projectedFiles(ns: string, v: NonNullable<PodVolume['projected']>, ctx: DownwardContext, objects: ObjectSource, nodeName: string, now: number): FilesResult {
  const files: Files = {};
  const errors: string[] = [];
  for (const s of v.sources ?? []) {
    let r: FilesResult | undefined;
    if (s.configMap) r = configMapFiles(ns, s.configMap, objects);
    else if (s.secret) r = secretFiles(ns, s.secret, objects);
    else if (s.downwardAPI) r = downwardFiles((s.downwardAPI.items ?? []) as Parameters<typeof downwardFiles>[0], ctx);
    else if (s.serviceAccountToken) {
      const t = s.serviceAccountToken;
      r = { ok: true, files: { [t.path]: new TokenFile(ctx.pod, nodeName, now, t.expirationSeconds ?? 3607, t.audience) } };
    }
    if (!r) continue;
    if (r.ok) Object.assign(files, r.files);
    else errors.push(r.message);
  }
  // Errors of several sources are reported together, as an aggregate.
  if (errors.length === 1) return { ok: false, message: errors[0] };
  if (errors.length > 1) return { ok: false, message: `[${errors.join(', ')}]` };
  return { ok: true, files };
}

/**
 * Where a claim's data lives (the desired-state populator resolving
 * PVC → PV): a hostPath or local volume is that directory of this node, so
 * the data outlives the pod and is found again by the next pod on the node;
 * other volumes are keyed by the PV's name.
 */
function claimVolume(ns: string, claim: string, objects: ObjectSource, storage: NodeStorage): { volume: MemoryVolume } | { message: string } {
  if (!objects.claim || !objects.volume) return { volume: storage.claim(ns, claim) };
  const pvc = objects.claim(ns, claim) as { spec?: { volumeName?: string }; status?: { phase?: string } } | undefined;
  if (!pvc) return { message: `error processing PVC ${ns}/${claim}: failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found` };
  const pvName = pvc.spec?.volumeName;
  if (!pvName || pvc.status?.phase !== 'Bound') return { message: `error processing PVC ${ns}/${claim}: PVC is not bound` };
  const pv = objects.volume(pvName) as { spec?: { hostPath?: { path: string }; local?: { path: string } } } | undefined;
  if (!pv) return { message: `error processing PVC ${ns}/${claim}: failed to fetch PV ${pvName} from API server: persistentvolumes "${pvName}" not found` };
  const path = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
  return { volume: path ? storage.hostPath(path) : storage.claim('', pvName) };
}

export interface MountedVolumes {
  volumes: Map<string, Volume>;
  failures: VolumeFailure[];
}

/**
 * Set up (or refresh) every volume of the pod. Volumes already set up keep
 * their identity, so containers see refreshed content and emptyDir data
 * survives container restarts.
 */
export function setUpVolumes(
  pod: Pod,
  existing: Map<string, Volume>,
  objects: ObjectSource,
  ctx: DownwardContext,
  storage: NodeStorage,
  nodeName: string,
  now: number,
): MountedVolumes {
  const ns = pod.metadata?.namespace ?? 'default';
  const volumes = new Map(existing);
  const failures: VolumeFailure[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    let files: FilesResult | undefined;
    if (v.configMap) files = configMapFiles(ns, v.configMap, objects);
    else if (v.secret) files = secretFiles(ns, v.secret, objects);
    else if (v.projected) files = projectedFiles(ns, v.projected, ctx, objects, nodeName, now);
    else if (v.downwardAPI) files = downwardFiles((v.downwardAPI.items ?? []) as Parameters<typeof downwardFiles>[0], ctx);
    if (files) {
      if (!files.ok) {
        failures.push({ volume: v.name, message: files.message });
        continue;
      }
      const vol = volumes.get(v.name);
      if (vol instanceof MemoryVolume) vol.replace(files.files);
      else volumes.set(v.name, new MemoryVolume(true, files.files, true));
      continue;
    }
    if (volumes.has(v.name)) continue;
    if (v.hostPath) volumes.set(v.name, storage.hostPath(v.hostPath.path));
    else if (v.persistentVolumeClaim || v.ephemeral) {
      const claim = v.persistentVolumeClaim ? v.persistentVolumeClaim.claimName : `${pod.metadata?.name}-${v.name}`;
      const r = claimVolume(ns, claim, objects, storage);
      if ('message' in r) failures.push({ volume: v.name, message: r.message });
      else volumes.set(v.name, r.volume);
    } else volumes.set(v.name, new MemoryVolume(false));
  }
  return { volumes, failures };
}
