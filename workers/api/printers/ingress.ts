/** `kubectl get ingress`. Mirrors printers.go printIngress, formatHosts, formatPorts. */
import type { Ingress, IngressRule } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import { loadBalancerStatusString } from './service';
import type { Printer } from './types';

const MAX = 3;

/** Up to three hosts; `*` when no rule names one. Mirrors upstream's counting quirk. */
function formatHosts(rules: IngressRule[] | undefined): string {
  const all = rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of all) {
    if (list.length === MAX) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${all.length - MAX} more...` : ret;
}

export const ingressPrinter: Printer = {
  columns: [
    nameColumn,
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const ing = obj as unknown as Ingress;
    return [
      obj.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing.spec?.rules),
      loadBalancerStatusString(ing.status?.loadBalancer),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
