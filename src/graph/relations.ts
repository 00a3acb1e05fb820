/** Who points at whom: owner references, Service selectors, Ingress backends, claims. */
import type { KubeObject } from '../../workers/api/object';

/** The managing owner (controller: true), else the first owner, as kubectl describe's "Controlled By". */
export function controllerOf(obj: KubeObject): { kind: string; name: string; uid: string } | undefined {
  const refs = obj.metadata.ownerReferences ?? [];
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  return ref ? { kind: ref.kind, name: ref.name, uid: ref.uid } : undefined;
}

/**
 * A Service's selector is a plain map: every pair must match. A Service
 * without one selects nothing (its endpoints are managed by hand), as the
 * EndpointSlice controller treats it.
 */
export function selectorMatches(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  if (!labels) return false;
  for (const k of keys) if (labels[k] !== selector[k]) return false;
  return true;
}

interface IngressBackend {
  service?: { name?: string };
}
interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; backend?: IngressBackend }> } }>;
}

/** Names of the Services an Ingress sends traffic to, in the order they appear. */
export function ingressServiceNames(ingress: KubeObject): string[] {
  const spec = (ingress.spec ?? {}) as IngressSpec;
  const names: string[] = [];
  const add = (b: IngressBackend | undefined) => {
    const n = b?.service?.name;
    if (n && !names.includes(n)) names.push(n);
  };
  add(spec.defaultBackend);
  for (const r of spec.rules ?? []) for (const p of r.http?.paths ?? []) add(p.backend);
  return names;
}

/** The PV a claim is bound to, by the claim's volumeName or the volume's claimRef. */
export function claimVolumeName(pvc: KubeObject): string | undefined {
  const v = (pvc.spec as { volumeName?: unknown } | undefined)?.volumeName;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function volumeClaimRef(pv: KubeObject): { namespace: string; name: string } | undefined {
  const ref = (pv.spec as { claimRef?: { namespace?: string; name?: string } } | undefined)?.claimRef;
  return ref?.name ? { namespace: ref.namespace ?? '', name: ref.name } : undefined;
}
