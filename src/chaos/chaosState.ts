/** What the chaos panel says about the selected node or pod, read from the mirrored object. */
import type { KubeObject } from '../../workers/api/object';

interface NodeLike {
  spec?: { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  status?: { conditions?: { type: string; status: string }[] };
}

export interface NodeChaosState {
  unschedulable: boolean;
  ready: string;
  memoryPressure: boolean;
  /** Short facts worth seeing next to the buttons. */
  notes: string[];
}

export function nodeChaosState(obj: KubeObject): NodeChaosState {
  const n = obj as unknown as NodeLike;
  const cond = (type: string) => n.status?.conditions?.find((c) => c.type === type)?.status;
  const ready = cond('Ready') ?? 'Unknown';
  const memoryPressure = cond('MemoryPressure') === 'True';
  const unschedulable = n.spec?.unschedulable === true;
  const notes: string[] = [];
  if (ready !== 'True') notes.push(ready === 'Unknown' ? 'Ready is Unknown: the node stopped reporting' : 'Ready is False');
  if (unschedulable) notes.push('Cordoned: SchedulingDisabled');
  if (memoryPressure) notes.push('MemoryPressure: the kubelet is evicting pods');
  for (const t of n.spec?.taints ?? []) {
    if (t.key.startsWith('node.kubernetes.io/')) notes.push(`Taint ${t.key}:${t.effect}`);
  }
  return { unschedulable, ready, memoryPressure, notes };
}

/** Names of the pod's regular containers, in spec order. */
export function podContainers(obj: KubeObject): string[] {
  const containers = (obj as { spec?: { containers?: { name?: unknown }[] } }).spec?.containers ?? [];
  return containers.map((c) => c.name).filter((n): n is string => typeof n === 'string' && n !== '');
}
