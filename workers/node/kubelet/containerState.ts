/**
 * What the kubelet knows of a pod's containers from its runtime (the PLEG's
 * view): every instance it created, newest last, and why a start did not
 * happen (the reason cache).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { Task } from '../../clock/clock';
import type { ContainerExit, ContainerProcess, ImageInfo } from '../runtime/types';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface ContainerInstance {
  /** 64 hex digits; the API shows `containerd://<id>`. */
  id: string;
  /** The restart count it was created with. */
  attempt: number;
  process: ContainerProcess;
  image: ImageInfo;
  /** The image as the pod spec named it when this instance was created. */
  specImage: string;
  startedAt: number;
  finishedAt?: number;
  exit?: ContainerExit;
  /** A stop is under way: SIGTERM sent (or preStop running), SIGKILL scheduled. */
  killing?: { killTask?: Task; termTask?: Task };
}

export interface ContainerRecord {
  spec: Container;
  kind: ContainerKind;
  instances: ContainerInstance[];
  /** Why the last start attempt did not produce a container (reasonCache). */
  waiting?: { reason: string; message?: string };
  /** Startup probe passed (or there is none) for the current instance. */
  started: boolean;
  /** Readiness probe passed (or there is none) for the current instance. */
  ready: boolean;
  /** A liveness or startup probe failed past its threshold: the container must be restarted. */
  probeFailure?: 'liveness' | 'startup';
  /** Cancels the probe workers of the current instance. */
  stopProbes?: () => void;
}

export function newest(r: ContainerRecord): ContainerInstance | undefined {
  return r.instances[r.instances.length - 1];
}

export function isRunning(r: ContainerRecord): boolean {
  const n = newest(r);
  return !!n && !n.exit;
}

/**
 * The record a pod worker keeps under `init:<name>` or `main:<name>`, found
 * by its kind and name (a record keeps its container's name) without
 * building the key string each time; pods have a few containers.
 */
export function findRecord(records: ReadonlyMap<string, ContainerRecord>, init: boolean, name: string): ContainerRecord | undefined {
  for (const r of records.values()) if ((r.kind !== 'regular') === init && r.spec.name === name) return r;
  return undefined;
}

/** A record with every field present from the start, so it keeps one compact shape. */
export function newRecord(spec: Container, kind: ContainerKind): ContainerRecord {
  return { spec, kind, instances: [], waiting: undefined, started: false, ready: false, probeFailure: undefined, stopProbes: undefined };
}

export function containerKind(c: Container, init: boolean): ContainerKind {
  if (!init) return 'regular';
  return c.restartPolicy === 'Always' ? 'sidecar' : 'init';
}

/** Instances kept per container: the current one and the one before (lastState). */
export const KEEP_INSTANCES = 2;
