/** `kubectl get resourcequotas`. Mirrors printers.go printResourceQuota. */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import { quantityString } from './format';
import type { Printer } from './types';

/** `used/hard` per resource in status.hard, sorted; `limits.*` go to the LIMIT cell. */
export function quotaCells(rq: ResourceQuota): [request: string, limit: string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const pieces = name.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${name}: ${quantityString(used[name])}/${quantityString(hard[name])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourceQuotaPrinter: Printer = {
  columns: [
    nameColumn,
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const [request, limit] = quotaCells(obj as unknown as ResourceQuota);
    return [obj.metadata.name, request, limit, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
