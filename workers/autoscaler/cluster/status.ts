/**
 * The `cluster-autoscaler-status` ConfigMap's text (clusterstate/api/types.go
 * ClusterAutoscalerStatus, written by clusterstate/utils/status.go since
 * v1.30 as YAML): struct order, zero-valued `omitempty` fields left out,
 * timestamps as metav1.Time (RFC 3339, quoted) and `time` in Go's
 * "2006-01-02 15:04:05.999999999 -0700 MST".
 */

export const STATUS_CONFIG_MAP = 'cluster-autoscaler-status';
export const LAST_UPDATED_ANNOTATION = 'cluster-autoscaler.kubernetes.io/last-updated';

export interface NodeCounts {
  registered: { total: number; ready: number; notStarted: number; beingDeleted?: number; unready?: { total: number; resourceUnready: number } };
  longUnregistered: number;
  unregistered: number;
}

export interface Condition {
  status: string;
  lastProbeTime: number;
  lastTransitionTime: number;
}

export interface AutoscalerStatus {
  time: number;
  autoscalerStatus: 'Initializing' | 'Running';
  message?: string;
  clusterWide?: {
    health: Condition & { nodeCounts: NodeCounts };
    scaleUp: Condition;
    scaleDown: Condition & { candidates?: number };
  };
  nodeGroups?: {
    name: string;
    health: Condition & { nodeCounts: NodeCounts; cloudProviderTarget: number; minSize: number; maxSize: number };
    scaleUp: Condition & { backoffInfo?: { errorCode?: string; errorMessage?: string } };
    scaleDown: Condition & { candidates?: number };
  }[];
}

/** ConfigMapLastUpdateFormat for a UTC instant. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-01-01T00:00:10.000Z
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

/** metav1.Time as its text marshaller gives it (RFC 3339 with nanoseconds trimmed). */
function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `"${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z"`;
}

class Emitter {
  readonly lines: string[] = [];
  line(indent: number, text: string): void {
    this.lines.push(`${' '.repeat(indent)}${text}`);
  }
}

function counts(e: Emitter, i: number, c: NodeCounts): void {
  e.line(i, 'nodeCounts:');
  const r = c.registered;
  if (r.total || r.ready || r.notStarted || r.beingDeleted || r.unready?.total || r.unready?.resourceUnready) {
    e.line(i + 2, 'registered:');
    e.line(i + 4, `total: ${r.total}`);
    e.line(i + 4, `ready: ${r.ready}`);
    e.line(i + 4, `notStarted: ${r.notStarted}`);
    if (r.beingDeleted) e.line(i + 4, `beingDeleted: ${r.beingDeleted}`);
    if (r.unready && (r.unready.total || r.unready.resourceUnready)) {
      e.line(i + 4, 'unready:');
      e.line(i + 6, `total: ${r.unready.total}`);
      e.line(i + 6, `resourceUnready: ${r.unready.resourceUnready}`);
    }
  }
  e.line(i + 2, `longUnregistered: ${c.longUnregistered}`);
  e.line(i + 2, `unregistered: ${c.unregistered}`);
}

function times(e: Emitter, i: number, c: Condition): void {
  e.line(i, `lastProbeTime: ${rfc3339(c.lastProbeTime)}`);
  e.line(i, `lastTransitionTime: ${rfc3339(c.lastTransitionTime)}`);
}

export function statusText(s: AutoscalerStatus): string {
  const e = new Emitter();
  e.line(0, `time: ${goTime(s.time)}`);
  e.line(0, `autoscalerStatus: ${s.autoscalerStatus}`);
  if (s.message) e.line(0, `message: ${s.message}`);
  const cw = s.clusterWide;
  if (cw) {
    e.line(0, 'clusterWide:');
    e.line(2, 'health:');
    e.line(4, `status: ${cw.health.status}`);
    counts(e, 4, cw.health.nodeCounts);
    times(e, 4, cw.health);
    e.line(2, 'scaleUp:');
    e.line(4, `status: ${cw.scaleUp.status}`);
    times(e, 4, cw.scaleUp);
    e.line(2, 'scaleDown:');
    e.line(4, `status: ${cw.scaleDown.status}`);
    if (cw.scaleDown.candidates) e.line(4, `candidates: ${cw.scaleDown.candidates}`);
    times(e, 4, cw.scaleDown);
  }
  if (s.nodeGroups?.length) {
    e.line(0, 'nodeGroups:');
    for (const g of s.nodeGroups) {
      e.line(0, `- name: ${g.name}`);
      e.line(2, 'health:');
      e.line(4, `status: ${g.health.status}`);
      counts(e, 4, g.health.nodeCounts);
      e.line(4, `cloudProviderTarget: ${g.health.cloudProviderTarget}`);
      e.line(4, `minSize: ${g.health.minSize}`);
      e.line(4, `maxSize: ${g.health.maxSize}`);
      times(e, 4, g.health);
      e.line(2, 'scaleUp:');
      e.line(4, `status: ${g.scaleUp.status}`);
      const b = g.scaleUp.backoffInfo;
      if (b && (b.errorCode || b.errorMessage)) {
        e.line(4, 'backoffInfo:');
        if (b.errorCode) e.line(6, `errorCode: ${b.errorCode}`);
        if (b.errorMessage) e.line(6, `errorMessage: ${JSON.stringify(b.errorMessage)}`);
      }
      times(e, 4, g.scaleUp);
      e.line(2, 'scaleDown:');
      e.line(4, `status: ${g.scaleDown.status}`);
      if (g.scaleDown.candidates) e.line(4, `candidates: ${g.scaleDown.candidates}`);
      times(e, 4, g.scaleDown);
    }
  }
  return `${e.lines.join('\n')}\n`;
}
