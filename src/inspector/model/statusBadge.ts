/**
 * The inspector header's status word, taken from the server's own Table row
 * for the object (the STATUS column of `kubectl get`, or READY for
 * workloads), so it reads exactly as kubectl prints it.
 */
export type BadgeTone = 'ok' | 'warn' | 'error' | 'neutral';

export interface StatusBadgeModel {
  text: string;
  tone: BadgeTone;
  /** The column it came from: Status or Ready. */
  column: string;
}

const OK = /^(Running|Ready|Active|Bound|Available|Complete|Completed|Succeeded|True)$/;
const ERROR = /Err|BackOff|Fail|Error|OOMKilled|NotReady|Lost|Evicted|Invalid|Crash|Unschedulable|DeadlineExceeded/;

export function statusTone(text: string): BadgeTone {
  const ratio = /^(\d+)\/(\d+)$/.exec(text);
  if (ratio) {
    const [, have, want] = ratio.map(Number);
    if (want === 0) return 'neutral';
    return have === want ? 'ok' : 'warn';
  }
  if (ERROR.test(text)) return 'error';
  if (OK.test(text)) return 'ok';
  if (text === '' || text.startsWith('Unknown')) return 'neutral';
  return 'warn';
}

const cellAt = (columns: readonly string[], cells: readonly unknown[], name: string): string | undefined => {
  const i = columns.indexOf(name);
  const v = i >= 0 ? cells[i] : undefined;
  return v === null || v === undefined || v === '' ? undefined : String(v);
};

/**
 * STATUS as printed; else READY, which is `2/3` for Deployments and
 * StatefulSets and a bare count beside DESIRED for ReplicaSets and DaemonSets.
 */
export function statusBadge(columns: readonly string[], cells: readonly unknown[]): StatusBadgeModel | null {
  const status = cellAt(columns, cells, 'Status');
  if (status !== undefined) return { text: status, tone: statusTone(status), column: 'Status' };
  const ready = cellAt(columns, cells, 'Ready');
  if (ready === undefined) return null;
  const desired = cellAt(columns, cells, 'Desired');
  const ratio = /^\d+$/.test(ready) && desired !== undefined ? `${ready}/${desired}` : ready;
  return { text: /^\d+\/\d+$/.test(ratio) ? `${ratio} ready` : ratio, tone: statusTone(ratio), column: 'Ready' };
}
