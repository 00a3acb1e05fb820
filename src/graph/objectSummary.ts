/**
 * One line about a workload, Service, Ingress or volume for its card in the
 * graph, with the numbers `kubectl get` shows for it (READY 2/3, TYPE and
 * CLUSTER-IP, STATUS and CAPACITY).
 */
import type { KubeObject } from '../../workers/api/object';

export type Tone = 'ok' | 'warn' | 'error' | 'neutral';

export interface ObjectSummary {
  summary: string;
  tone: Tone;
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function readiness(ready: number, want: number): ObjectSummary {
  return { summary: `${ready}/${want} ready`, tone: ready >= want ? 'ok' : 'warn' };
}

function conditionTrue(status: Obj, type: string): boolean {
  const conds = Array.isArray(status.conditions) ? (status.conditions as Obj[]) : [];
  return conds.some((c) => c.type === type && c.status === 'True');
}

export function objectSummary(obj: KubeObject): ObjectSummary {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  switch (obj.kind) {
    case 'Deployment':
    case 'StatefulSet':
      // spec.replicas defaults to 1 (pkg/apis/apps/v1/defaults.go).
      return readiness(num(status.readyReplicas), num(spec.replicas, 1));
    case 'ReplicaSet': {
      const r = readiness(num(status.readyReplicas), num(spec.replicas, 1));
      const rev = str(obj.metadata.annotations?.['deployment.kubernetes.io/revision']);
      return rev ? { ...r, summary: `${r.summary} · rev ${rev}` } : r;
    }
    case 'DaemonSet':
      return readiness(num(status.numberReady), num(status.desiredNumberScheduled));
    case 'Job': {
      const completions = num(spec.completions, 1);
      const succeeded = num(status.succeeded);
      if (conditionTrue(status, 'Failed')) return { summary: `Failed · ${succeeded}/${completions}`, tone: 'error' };
      if (conditionTrue(status, 'Complete')) return { summary: `Complete · ${succeeded}/${completions}`, tone: 'ok' };
      if (spec.suspend === true) return { summary: `Suspended · ${succeeded}/${completions}`, tone: 'neutral' };
      return { summary: `Running · ${succeeded}/${completions}`, tone: 'warn' };
    }
    case 'CronJob': {
      const active = Array.isArray(status.active) ? status.active.length : 0;
      const schedule = str(spec.schedule);
      if (spec.suspend === true) return { summary: `${schedule} · suspended`, tone: 'neutral' };
      return { summary: active > 0 ? `${schedule} · ${active} active` : schedule, tone: 'ok' };
    }
    case 'Service': {
      const type = str(spec.type) || 'ClusterIP';
      if (type === 'ExternalName') return { summary: `ExternalName ${str(spec.externalName)}`, tone: 'neutral' };
      const ip = str(spec.clusterIP);
      const ports = (Array.isArray(spec.ports) ? (spec.ports as Obj[]) : [])
        .map((p) => (type === 'NodePort' || type === 'LoadBalancer') && p.nodePort ? `${num(p.port)}:${num(p.nodePort)}` : String(num(p.port)))
        .join(',');
      return { summary: [type, ip === 'None' ? 'headless' : ip, ports].filter(Boolean).join(' · '), tone: 'neutral' };
    }
    case 'Ingress': {
      const rules = Array.isArray(spec.rules) ? (spec.rules as Obj[]) : [];
      const host = rules.map((r) => str(r.host)).find((h) => h) ?? '*';
      const lbIngress = rec(status.loadBalancer).ingress;
      const lb = rec(Array.isArray(lbIngress) ? lbIngress[0] : undefined);
      const address = str(lb.ip) || str(lb.hostname);
      return { summary: address ? `${host} · ${address}` : host, tone: 'neutral' };
    }
    case 'PersistentVolumeClaim':
    case 'PersistentVolume': {
      const phase = str(status.phase) || 'Pending';
      const cap = str(rec(status.capacity).storage) || str(rec(spec.capacity).storage) || str(rec(rec(spec.resources).requests).storage);
      const tone: Tone = phase === 'Bound' ? 'ok' : phase === 'Failed' || phase === 'Lost' ? 'error' : phase === 'Released' ? 'neutral' : 'warn';
      return { summary: cap ? `${phase} · ${cap}` : phase, tone };
    }
    default:
      return { summary: '', tone: 'neutral' };
  }
}
