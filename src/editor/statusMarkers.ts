/**
 * API errors as the editor shows them: a marker on each line the Status
 * names (422 causes, apply conflicts, strict-decoding and type errors), and
 * kubectl's one-line rendering for the results list.
 */
import { parseFieldPath } from './fieldPath';
import type { ManifestObject, Problem, SourceMap } from './manifests';

export interface StatusLike {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: Array<{ reason?: string; message?: string; field?: string }> };
}

export function asStatus(body: unknown, httpStatus: number): StatusLike {
  if (typeof body === 'object' && body !== null && (body as StatusLike).kind === 'Status') return body as StatusLike;
  const message = typeof body === 'string' && body ? body : `the server responded with status ${httpStatus}`;
  return { kind: 'Status', status: 'Failure', code: httpStatus, message };
}

/** Mirrors kubectl's StandardErrorMessage (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go). */
export function kubectlErrorLine(status: StatusLike): string {
  const message = status.message ?? 'unknown error';
  return status.reason && status.reason !== 'Unknown' ? `Error from server (${status.reason}): ${message}` : `Error from server: ${message}`;
}

/** Field paths named in a Status: its causes, or those spelled out in a decoding error's message. */
export function fieldsOfStatus(status: StatusLike): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const c of status.details?.causes ?? []) {
    if (c.field) out.push({ field: c.field, message: `${c.field}: ${c.message ?? c.reason ?? ''}`.trim() });
  }
  if (out.length) return out;
  const message = status.message ?? '';
  // apimachinery's strict decoding: `strict decoding error: unknown field "spec.foo", unknown field "spec.bar"`
  for (const m of message.matchAll(/unknown field "([^"]+)"/g)) out.push({ field: m[1], message: `unknown field "${m[1]}"` });
  for (const m of message.matchAll(/duplicate field "([^"]+)"/g)) out.push({ field: m[1], message: `duplicate field "${m[1]}"` });
  // encoding/json's UnmarshalTypeError: `cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`
  const typeErr = /cannot unmarshal (\S+) into Go struct field [A-Za-z0-9_]+\.(\S+) of type (\S+)/.exec(message);
  if (typeErr) out.push({ field: typeErr[2], message: `${typeErr[2]}: cannot use a ${typeErr[1]} here, expected ${typeErr[3]}` });
  return out;
}

/** Markers for one object's failed request: one per named field, or one on the object's first line. */
export function markersForStatus(status: StatusLike, obj: ManifestObject, source: SourceMap): Problem[] {
  const fields = fieldsOfStatus(status);
  if (!fields.length) return [{ message: status.message ?? 'request failed', range: source.rangeOfPath(obj, []) }];
  return fields.map((f) => ({ message: f.message, range: source.rangeOfPath(obj, parseFieldPath(f.field)) }));
}
