/**
 * Plugin results, as framework.Status: a code and the reasons a node was
 * rejected (pkg/scheduler/framework/interface.go). Success is `null` on the
 * hot path so filtering thousands of nodes allocates nothing.
 */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that produced it (set by the framework). */
  plugin?: string;
}

export type MaybeStatus = Status | null;

export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

export function errorStatus(message: string): Status {
  return { code: 'Error', reasons: [message] };
}

export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: [] }) as Status;

export function isSuccess(s: MaybeStatus): boolean {
  return s === null || s.code === 'Success';
}

/** Unschedulable or UnschedulableAndUnresolvable: the node (or pod) was turned down, not broken. */
export function isRejected(s: MaybeStatus): boolean {
  return s !== null && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable');
}

/** Status.Message(): the reasons joined with ", ". */
export function statusMessage(s: MaybeStatus): string {
  return s ? s.reasons.join(', ') : '';
}

export function withPlugin(s: Status, plugin: string): Status {
  return s.plugin === plugin ? s : { ...s, plugin };
}
