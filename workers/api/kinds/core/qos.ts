/**
 * Pod QoS class, as pkg/apis/core/helper/qos ComputePodQOS derives it from
 * the cpu/memory requests and limits of all (init) containers.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { type Quantity, addQuantity, compareQuantity } from '../../validation/quantity';
import { parseQuantityMemo } from './quantityMemo';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function accumulate(into: Map<string, Quantity>, list: Record<string, unknown> | undefined, found?: Set<string>): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantityMemo(raw) : undefined;
    if (!q || q.mant <= 0n) continue;
    found?.add(name);
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(prev, q) : q);
  }
}

export function computePodQOS(spec: PodSpec | undefined): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const all: Container[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  for (const c of all) {
    accumulate(requests, c?.resources?.requests);
    const found = new Set<string>();
    accumulate(limits, c?.resources?.limits, found);
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
