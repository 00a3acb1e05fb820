/**
 * Which pods `kubectl drain NODE --ignore-daemonsets --delete-emptydir-data`
 * evicts, skips, warns about or refuses (staging/src/k8s.io/kubectl/pkg/drain/filters.go):
 * finished pods go without question, mirror pods stay silently, DaemonSet pods
 * stay with a warning, emptyDir pods go with a warning, and pods no controller
 * owns are refused unless forced.
 */
import type { KubeObject } from '../../workers/api/object';

export interface DrainPod {
  metadata: { name?: string; namespace?: string; deletionTimestamp?: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string; controller?: boolean }[] };
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

export interface DrainPlan {
  evict: DrainPod[];
  /** kubectl's "WARNING: …" lines. */
  warnings: string[];
  /** kubectl's "cannot delete …" reasons; any of them stops the drain. */
  errors: string[];
}

const ref = (p: DrainPod) => `${p.metadata.namespace}/${p.metadata.name}`;
const controllerOf = (p: DrainPod) => p.metadata.ownerReferences?.find((o) => o.controller);

export function planDrain(pods: readonly DrainPod[], opts: { force: boolean; ignoreDaemonSets: boolean; deleteEmptyDirData: boolean }): DrainPlan {
  const evict: DrainPod[] = [];
  const daemonSet: string[] = [];
  const daemonSetErrors: string[] = [];
  const localStorage: string[] = [];
  const localStorageErrors: string[] = [];
  const unreplicated: string[] = [];
  const unreplicatedErrors: string[] = [];
  for (const p of pods) {
    const phase = p.status?.phase;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    if (p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    const ctrl = controllerOf(p);
    if (ctrl?.kind === 'DaemonSet') {
      if (opts.ignoreDaemonSets) daemonSet.push(ref(p));
      else daemonSetErrors.push(ref(p));
      continue;
    }
    if (!finished && (p.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
      if (opts.deleteEmptyDirData) localStorage.push(ref(p));
      else {
        localStorageErrors.push(ref(p));
        continue;
      }
    }
    if (!finished && !ctrl) {
      if (opts.force) unreplicated.push(ref(p));
      else {
        unreplicatedErrors.push(ref(p));
        continue;
      }
    }
    evict.push(p);
  }
  const warnings: string[] = [];
  if (daemonSet.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemonSet.join(', ')}`);
  if (localStorage.length) warnings.push(`deleting Pods with local storage: ${localStorage.join(', ')}`);
  if (unreplicated.length) warnings.push(`deleting Pods that declare no controller: ${unreplicated.join(', ')}`);
  const errors: string[] = [];
  if (daemonSetErrors.length) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSetErrors.join(', ')}`);
  if (localStorageErrors.length) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${localStorageErrors.join(', ')}`);
  if (unreplicatedErrors.length) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unreplicatedErrors.join(', ')}`);
  return { evict, warnings, errors };
}

export function asDrainPods(items: readonly KubeObject[]): DrainPod[] {
  return items as unknown as DrainPod[];
}
