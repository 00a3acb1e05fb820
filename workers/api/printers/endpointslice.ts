/** `kubectl get endpointslices`. Mirrors printers.go printEndpointSlice. */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { listWithMore } from './format';
import type { Printer } from './types';

const MAX = 3;

function formatPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < MAX) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*');
    else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMore(list, more, count, MAX);
}

function formatEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < MAX) list.push(address);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, MAX);
}

export const endpointSlicePrinter: Printer = {
  columns: [
    nameColumn,
    col('AddressType', 'string', DOC['EndpointSlice.addressType']),
    col('Ports', 'string', DOC['EndpointSlice.ports']),
    col('Endpoints', 'string', DOC['EndpointSlice.endpoints']),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const slice = obj as unknown as EndpointSlice;
    return [
      obj.metadata.name,
      slice.addressType ?? '',
      formatPorts(slice),
      formatEndpoints(slice),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
