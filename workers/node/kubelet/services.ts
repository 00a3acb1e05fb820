/** What a pod worker needs from its kubelet. */
import type { Clock } from '../../clock/clock';
import type { Rng } from '../../clock/prng';
import type { KubeObject } from '../../api/object';
import type { ApiCall } from '../../controllers/context';
import type { ContainerNetwork, ContainerRuntime } from '../runtime/types';
import type { Allocatable } from './admission';
import type { ImageManager } from './images';
import type { ObjectSource } from './objects';
import type { PodIPAllocator } from './podIPs';
import type { NodeStorage } from './volumes';
import type { Backoff } from './backoff';
import type { EnvVars } from './env';

export interface KubeletServices {
  nodeName: string;
  /** `kubelet/<node>`: the clock component of every task the kubelet runs. */
  component: string;
  clock: Clock;
  rng: Rng;
  api: ApiCall;
  runtime: ContainerRuntime;
  images: ImageManager;
  objects: ObjectSource;
  ips: PodIPAllocator;
  storage: NodeStorage;
  /** Container restart back-off (10 s doubling to 5 min). */
  crashBackoff: Backoff;
  hostIPs: string[];
  allocatable: Allocatable & { ephemeralStorage: number };
  /** Is the kubelet process up? A stopped kubelet runs no probes and syncs nothing. */
  running(): boolean;
  /** Queue a sync of pod `key` after `delayMs`. */
  enqueue(key: string, delayMs?: number): void;
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The pod network as a container reaches it, once the network layer provides it. */
  network(podIP: string): ContainerNetwork | undefined;
  /** Environment variables for services (service links); empty until kube-proxy exists. */
  serviceEnv(namespace: string, enableServiceLinks: boolean): EnvVars;
  /** One shared copy of a text many containers get (resolv.conf). */
  shareText<T extends string | undefined>(text: T): T;
}
