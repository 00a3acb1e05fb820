/**
 * Pod admission on the node: does the pod fit next to the pods already
 * admitted? Mirrors pkg/kubelet/lifecycle/predicate.go (the resource part of
 * the scheduler's generalFilter, first failure only).
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { podRequests } from './resources';

export interface Allocatable {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  pods: number;
}

export type AdmitResult = { admit: true } | { admit: false; reason: string; message: string };

function insufficient(resource: string, requested: number, used: number, capacity: number): AdmitResult {
  return {
    admit: false,
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
  };
}

/** The pods already running (or starting) on the node: how many, and their specs when requests are compared. */
export interface AdmittedPods extends Iterable<PodSpec> {
  readonly length: number;
}

/** `admitted` are the specs of the pods already running (or starting) on the node. */
export function admitPod(spec: PodSpec, admitted: AdmittedPods, allocatable: Allocatable): AdmitResult {
  if (admitted.length + 1 > allocatable.pods) return insufficient('pods', 1, admitted.length, allocatable.pods);
  const want = podRequests(spec);
  if (want.cpu === 0 && want.memory === 0) return { admit: true };
  let cpu = 0;
  let memory = 0;
  for (const s of admitted) {
    const r = podRequests(s);
    cpu += r.cpu;
    memory += r.memory;
  }
  if (want.cpu > 0 && want.cpu > allocatable.cpu - cpu) return insufficient('cpu', want.cpu, cpu, allocatable.cpu);
  if (want.memory > 0 && want.memory > allocatable.memory - memory) return insufficient('memory', want.memory, memory, allocatable.memory);
  return { admit: true };
}
