/**
 * Stopping one container (kuberuntime_container.go killContainer): the
 * `Killing` event, the preStop hook within the grace period, SIGTERM, and
 * SIGKILL when the grace period (never under 2 s) runs out.
 */
import type { ContainerInstance, ContainerRecord } from './containerState';
import { runHook } from './hooks';
import type { KubeletServices } from './services';
import { MIN_GRACE_SECONDS, type PodWorker } from './podWorker';

export function killContainer(svc: KubeletServices, w: PodWorker, r: ContainerRecord, inst: ContainerInstance, graceSeconds: number, message: string): void {
  if (inst.exit || inst.killing) return;
  svc.event(w.eventObject(), 'Normal', 'Killing', message);
  inst.killing = {};
  r.stopProbes?.();
  let grace = graceSeconds;
  let hookMs = 0;
  const preStop = r.spec.lifecycle?.preStop;
  if (preStop && grace > 0) {
    const h = runHook(preStop, inst.process, r.spec, w.podDesc, w.podIP ?? '');
    if (h.ok) hookMs = Math.min(h.sleepMs, grace * 1000);
    else svc.event(w.eventObject(), 'Warning', 'FailedPreStopHook', h.message);
    grace -= Math.ceil(hookMs / 1000);
  }
  grace = Math.max(grace, MIN_GRACE_SECONDS);
  const label = { component: svc.component, key: w.key };
  const term = () => {
    if (inst.exit) return;
    inst.killing!.killTask = svc.clock.schedule(grace * 1000, { ...label, what: `kill container ${r.spec.name}` }, () => {
      if (!inst.exit) inst.process.signal('KILL');
    });
    inst.process.signal('TERM');
  };
  if (hookMs > 0) inst.killing.termTask = svc.clock.schedule(hookMs, { ...label, what: `preStop ${r.spec.name}` }, term);
  else term();
}
