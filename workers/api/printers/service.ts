/** `kubectl get services`. Mirrors printers.go printService, getServiceExternalIP, makePortString. */
import type { LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { formatLabels } from './format';
import type { Printer } from './types';

const LOAD_BALANCER_WIDTH = 16;

/**
 * printers.go loadBalancerStatusStringer: the distinct IPs (or hostnames)
 * sorted. Only clipped when not wide, and the API server always prints wide.
 */
export function loadBalancerStatusString(status: Pick<LoadBalancerStatus, 'ingress'> | undefined, wide = true): string {
  const set = new Set<string>();
  for (const ing of status?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

export function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIPs = loadBalancerStatusString(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...(lbIPs ? lbIPs.split(',') : []), ...externalIPs].join(',');
      return lbIPs || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `80/TCP`, `80:30080/TCP`, comma-joined. */
export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export const servicePrinter: Printer = {
  columns: [
    nameColumn,
    col('Type', 'string', DOC['ServiceSpec.type']),
    col('Cluster-IP', 'string', DOC['ServiceSpec.clusterIP']),
    col('External-IP', 'string', DOC['ServiceSpec.externalIPs']),
    col('Port(s)', 'string', DOC['ServiceSpec.ports']),
    ageColumn,
    col('Selector', 'string', DOC['ServiceSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const svc = obj as unknown as Service;
    return [
      obj.metadata.name,
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(svc),
      makePortString(svc.spec?.ports) || '<none>',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      formatLabels(svc.spec?.selector),
    ];
  },
};
