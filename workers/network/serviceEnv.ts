/**
 * Service links: the environment variables the kubelet gives a container
 * for the services it can see when the container starts
 * (pkg/kubelet/kubelet_pods.go getServiceEnvVarMap, pkg/kubelet/envvars).
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { Informer } from '../client/informer';
import type { KubeObject } from '../api/object';

/** The services whose variables every pod gets (masterServices). */
const MASTER_SERVICES = new Set(['kubernetes']);

const envName = (s: string) => s.replace(/-/g, '_').toUpperCase();

function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** envvars.FromServices for one service. */
export function serviceVars(svc: Service): [string, string][] {
  if (!isServiceIPSet(svc)) return [];
  const spec = svc.spec!;
  const ports = spec.ports ?? [];
  if (!ports.length) return [];
  const prefix = envName(svc.metadata!.name!);
  const ip = spec.clusterIP!;
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/**
 * Variables for a container in `namespace`: the master services of
 * `default` always, the namespace's own services when enableServiceLinks.
 * A same-named service of the pod's namespace wins over a master service.
 */
export function serviceEnv(services: Informer<KubeObject>, namespace: string, enableServiceLinks: boolean): [string, string][] {
  const chosen = new Map<string, Service>();
  for (const o of services.list('default')) {
    const svc = o as unknown as Service;
    if (MASTER_SERVICES.has(svc.metadata!.name!) && isServiceIPSet(svc)) chosen.set(svc.metadata!.name!, svc);
  }
  if (enableServiceLinks) {
    for (const o of services.list(namespace)) {
      const svc = o as unknown as Service;
      if (isServiceIPSet(svc)) chosen.set(svc.metadata!.name!, svc);
    }
  }
  const names = [...chosen.keys()].sort();
  return names.flatMap((n) => serviceVars(chosen.get(n)!));
}
