/**
 * PV protection (pkg/controller/volume/pvprotection/pv_protection_controller.go):
 * a volume being deleted keeps its `kubernetes.io/pv-protection` finalizer
 * while it is Bound; a live volume without the finalizer gets it.
 */
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { isDeletionCandidate, needToAddFinalizer, setFinalizer } from './protection';
import { PV_PROTECTION_FINALIZER, type PV } from './util';

export const PV_PROTECTION_CONTROLLER = 'pv-protection-controller';

export class PVProtectionController {
  private readonly queue: WorkQueue;
  private readonly volumes: Informer<PV>;
  private readonly api: ApiCall;

  constructor(ctx: ComponentContext) {
    this.api = ctx.client('kube-controller-manager');
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k), { component: PV_PROTECTION_CONTROLLER });
    this.volumes = ctx.informers.for<PV>(CORE('persistentvolumes'));
    const onVolume = (v: PV) => {
      if (isDeletionCandidate(v, PV_PROTECTION_FINALIZER) || needToAddFinalizer(v, PV_PROTECTION_FINALIZER)) this.queue.add(keyOf(v));
    };
    this.volumes.addEventHandler({ add: onVolume, update: (_o, v) => onVolume(v) });
  }

  private sync(name: string): SyncResult {
    const pv = this.volumes.get(undefined, name);
    if (!pv) return;
    let err: string | undefined;
    // isBeingUsed: a Bound volume is in use.
    if (isDeletionCandidate(pv, PV_PROTECTION_FINALIZER)) {
      if (pv.status?.phase !== 'Bound') err = setFinalizer(this.api, 'persistentvolumes', pv, PV_PROTECTION_FINALIZER, false);
    } else if (needToAddFinalizer(pv, PV_PROTECTION_FINALIZER)) {
      err = setFinalizer(this.api, 'persistentvolumes', pv, PV_PROTECTION_FINALIZER, true);
    }
    return err ? { error: err } : undefined;
  }
}

export function startPVProtectionController(ctx: ComponentContext): PVProtectionController {
  return new PVProtectionController(ctx);
}
