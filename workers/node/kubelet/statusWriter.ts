/**
 * Writing a pod's status (pkg/kubelet/status/status_manager.go syncPod):
 * skip when nothing changed, PUT pods/status with the resourceVersion the
 * status was computed from, and on a conflict compute again from the
 * current object.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../../api/object';
import type { Status } from './podStatus';
import type { KubeletServices } from './services';

const ATTEMPTS = 3;

export function writePodStatus(svc: KubeletServices, pod: Pod, generate: (current: Pod) => Status): Status | undefined {
  let current = pod;
  for (let i = 0; i < ATTEMPTS; i++) {
    const status = generate(current);
    if (jsonEqual(current.status, status)) return status;
    const meta = current.metadata!;
    const r = svc.api({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: meta.namespace, name: meta.name, subresource: 'status', body: { ...current, status } });
    if (r.status < 400) return (r.body as Pod).status as Status;
    if (r.status !== 409) return undefined;
    const fresh = svc.api({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: meta.namespace, name: meta.name });
    if (fresh.status !== 200) return undefined;
    current = fresh.body as Pod;
    if (current.metadata?.uid !== meta.uid) return undefined;
  }
  return undefined;
}
