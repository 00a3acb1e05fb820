/**
 * `kubectl get pods`. Mirrors pkg/printers/internalversion/printers.go
 * printPod (v1.32): the STATUS reason walk over init containers (sidecars
 * included), then app containers, then Terminating/Unknown; RESTARTS with the
 * time of the last restart.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { humanDuration, parseTimestamp, translateTimestampSince } from './duration';
import type { Printer, TableRowCondition } from './types';

/** Reason the node lifecycle controller sets on pods of an unreachable node (pkg/util/node). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

const isRestartableInitContainer = (c: Container | undefined) => c?.restartPolicy === 'Always';

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  // Upstream stops at the first condition of the type, whatever its status.
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

function hasPodReadyCondition(conditions: PodCondition[] | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** When the container last stopped; a zero finishedAt never counts as a restart time. */
function lastTerminationFinish(cs: ContainerStatus): number | undefined {
  return parseTimestamp(cs.lastState?.terminated?.finishedAt);
}

interface PodSummary {
  ready: string;
  reason: string;
  restarts: string;
}

/** The READY, STATUS and RESTARTS cells. */
export function summarizePod(pod: Pod, nowMs: number): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const phase = status.phase ?? '';

  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || b > a) ? b : a);

  let reason = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const restartable = isRestartableInitContainer(initContainers.get(cs.name));
    restarts += cs.restartCount ?? 0;
    lastRestart = later(lastRestart, lastTerminationFinish(cs));
    if (restartable) {
      restartableInitRestarts += cs.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerminationFinish(cs));
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Upstream walks app containers from last to first, so the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = later(lastRestart, lastTerminationFinish(cs));
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A container that completed while another still runs does not make the pod "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(status.conditions) ? 'Running' : 'NotReady';
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartsText };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const gate of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === gate.conditionType);
    if (c?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

const COMPLETED: Record<string, TableRowCondition[]> = {
  Succeeded: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
  Failed: [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
};

export const podPrinter: Printer = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn,
    col('IP', 'string', DOC['PodStatus.podIP'], true),
    col('Node', 'string', DOC['PodSpec.nodeName'], true),
    col('Nominated Node', 'string', DOC['PodStatus.nominatedNodeName'], true),
    col('Readiness Gates', 'string', DOC['PodSpec.readinessGates'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const pod = obj as unknown as Pod;
    const s = summarizePod(pod, nowMs);
    const podIP = pod.status?.podIPs?.[0]?.ip || '<none>';
    return [
      obj.metadata.name,
      s.ready,
      s.reason,
      s.restarts,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      podIP,
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(obj: KubeObject) {
    const phase = (obj as unknown as Pod).status?.phase;
    return phase ? COMPLETED[phase] : undefined;
  },
};
