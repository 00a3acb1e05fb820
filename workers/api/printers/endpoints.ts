/** `kubectl get endpoints`. Mirrors printers.go printEndpoints / formatEndpoints. */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { joinHostPort } from './format';
import type { Printer } from './types';

const MAX = 3;

/** Up to three `ip:port` entries, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports: list bare IPs.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpointsPrinter: Printer = {
  columns: [nameColumn, col('Endpoints', 'string', DOC['Endpoints.subsets']), ageColumn],
  row(obj: KubeObject, nowMs: number) {
    return [obj.metadata.name, formatEndpoints(obj as unknown as Endpoints), translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
