/**
 * How the kubelet reads the ConfigMaps and Secrets its pods reference, and
 * the `configmap "x" not found` errors it reports for missing ones (its
 * object managers name the resource in the singular).
 */
import type { KubeObject } from '../../api/object';

export interface ObjectSource {
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
  /** PersistentVolumeClaims and PersistentVolumes, to find where a claim's data lives. */
  claim?(namespace: string, name: string): KubeObject | undefined;
  volume?(name: string): KubeObject | undefined;
}

export const configMapNotFound = (name: string) => `configmap "${name}" not found`;
export const secretNotFound = (name: string) => `secret "${name}" not found`;

function decodeBase64(s: string): string {
  try {
    const bin = atob(s);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}

/** A ConfigMap's data and binaryData (decoded), key → content. */
export function configMapData(cm: KubeObject): Record<string, string> {
  const out: Record<string, string> = { ...((cm.data ?? {}) as Record<string, string>) };
  for (const [k, v] of Object.entries((cm.binaryData ?? {}) as Record<string, string>)) out[k] = decodeBase64(v);
  return out;
}

/** A Secret's data, decoded. */
export function secretData(secret: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((secret.data ?? {}) as Record<string, string>)) out[k] = decodeBase64(v);
  return out;
}
