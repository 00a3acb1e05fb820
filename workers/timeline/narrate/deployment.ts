/** deployment-controller: what the sync decided (new ReplicaSet, scaling steps) and the status it wrote. */
import type { DeploymentDecision } from '../../controllers/deployment/controller';
import { asObj, listOf, num, objectWrites, str, type NarrationContext } from './context';

export function narrateDeployment(ctx: NarrationContext): string | undefined {
  const name = ctx.entry.key.split('/').pop();
  const d = ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as DeploymentDecision) : undefined;
  const writes = objectWrites(ctx);
  const deploy = writes.find((w) => w.write.resource === 'deployments')?.after ?? latest(ctx);
  const spec = asObj(asObj(deploy).spec);
  const parts: string[] = [];
  if (d?.rolledBackTo !== undefined) parts.push(`rolled back to revision ${d.rolledBackTo}`);
  if (d?.createdRS) {
    const rs = writes.find((w) => w.write.resource === 'replicasets' && w.write.op === 'created' && w.write.name === d.createdRS);
    const replicas = num(asObj(asObj(rs?.after).spec).replicas);
    parts.push(`new template → created ReplicaSet ${d.createdRS}${replicas !== undefined ? ` (0→${replicas}${strategyNote(spec)})` : ''}`);
  }
  for (const s of d?.scaledUp ?? []) if (s.rs !== d?.createdRS) parts.push(`scaled up ReplicaSet ${s.rs} ${s.from}→${s.to}${strategyNote(spec)}`);
  for (const s of d?.scaledDown ?? []) parts.push(`scaled down ReplicaSet ${s.rs} ${s.from}→${s.to}`);
  if (d?.deletedRS?.length) parts.push(`deleted old ReplicaSet${d.deletedRS.length > 1 ? 's' : ''} ${listOf(d.deletedRS)}`);
  if (d?.waitingForOldPods) parts.push('waiting for the old Pods to terminate (Recreate)');
  if (d?.error) parts.push(`error: ${d.error}`);
  if (!parts.length) {
    const own = writes.find((w) => w.write.resource === 'deployments' && w.write.op === 'updated');
    if (!own && !d) return undefined;
    if (!own) return `Deployment ${name}: in sync, nothing to change`;
    parts.push(`status ${statusLine(asObj(asObj(own.after).status), num(spec.replicas) ?? 1)}`);
  }
  return `Deployment ${name}: ${parts.join('; ')}`;
}

function latest(ctx: NarrationContext) {
  const key = `/registry/apps/deployments/${ctx.entry.key}`;
  const rev = ctx.entry.revisions[ctx.entry.revisions.length - 1];
  try {
    return rev ? ctx.store.getAt(key, rev)?.value : ctx.store.get(key)?.value;
  } catch {
    return undefined;
  }
}

/** `, maxSurge 25%` for rolling updates: the rule the step followed. */
function strategyNote(spec: Record<string, unknown>): string {
  const s = asObj(spec.strategy);
  if (str(s.type) === 'Recreate') return ', Recreate';
  const ru = asObj(s.rollingUpdate);
  const surge = ru.maxSurge ?? '25%';
  return `, maxSurge ${String(surge)}`;
}

export function statusLine(status: Record<string, unknown>, want: number): string {
  const updated = num(status.updatedReplicas) ?? 0;
  const ready = num(status.readyReplicas) ?? 0;
  const available = num(status.availableReplicas) ?? 0;
  return `${updated}/${want} updated, ${ready} ready, ${available} available`;
}
