/**
 * The Status tab: a resource's status.conditions as rows, and its simple
 * status fields (phase, replicas, IPs, …) as facts.
 */
import type { KubeObject } from '../../../workers/api/object';
import { ageSince } from './time';

export type ConditionTone = 'ok' | 'warn' | 'error' | 'neutral';

export interface ConditionRow {
  type: string;
  status: string;
  reason: string;
  message: string;
  /** `5m` ago, or `<unknown>`. */
  lastTransition: string;
  lastTransitionTime: string;
  tone: ConditionTone;
}

interface Condition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
  lastTransitionTime?: unknown;
}

/** Condition types where True means trouble (node pressure, failures). */
const TRUE_IS_BAD = /Pressure$|^NetworkUnavailable$|Failed|Failure|^Terminating$|^Stalled$|^DisruptionTarget$/;

export function conditionTone(type: string, status: string): ConditionTone {
  if (status !== 'True' && status !== 'False') return 'neutral';
  const good = TRUE_IS_BAD.test(type) ? status === 'False' : status === 'True';
  if (good) return 'ok';
  return TRUE_IS_BAD.test(type) || type === 'Ready' || type === 'Available' ? 'error' : 'warn';
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function statusOf(obj: KubeObject): Record<string, unknown> {
  const s = (obj as { status?: unknown }).status;
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

export function conditionRows(obj: KubeObject, nowMs: number): ConditionRow[] {
  const conds = statusOf(obj).conditions;
  if (!Array.isArray(conds)) return [];
  return conds
    .filter((c): c is Condition => typeof c === 'object' && c !== null)
    .map((c) => {
      const type = str(c.type);
      const status = str(c.status);
      return {
        type,
        status,
        reason: str(c.reason),
        message: str(c.message),
        lastTransition: ageSince(c.lastTransitionTime, nowMs),
        lastTransitionTime: str(c.lastTransitionTime),
        tone: conditionTone(type, status),
      };
    });
}

export interface StatusFact {
  key: string;
  value: string;
}

/** Top-level status fields that are plain values, in the order the object has them. */
export function statusFacts(obj: KubeObject): StatusFact[] {
  const out: StatusFact[] = [];
  for (const [key, v] of Object.entries(statusOf(obj))) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push({ key, value: String(v) });
  }
  return out;
}
