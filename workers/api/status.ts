/**
 * `Status` errors as k8s.io/apimachinery/pkg/api/errors builds them: same
 * reasons, codes and message wording, so kubectl prints what it prints
 * against a real API server.
 */
import { errorBody, errorString, type FieldError } from './validation/field';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

/** What a resource is called in messages: `deployments.apps`, `pods`. */
export interface Qualified {
  group: string;
  /** plural resource, or Kind for Invalid errors */
  resource: string;
}

const qualified = (q: Qualified) => (q.group ? `${q.resource}.${q.group}` : q.resource);

function failure(code: number, reason: string, message: string, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export function isStatus(v: unknown): v is Status {
  return typeof v === 'object' && v !== null && (v as Status).kind === 'Status' && typeof (v as Status).code === 'number';
}

export const notFound = (q: Qualified, name: string) =>
  failure(404, 'NotFound', `${qualified(q)} "${name}" not found`, { name, group: q.group || undefined, kind: q.resource });

export const alreadyExists = (q: Qualified, name: string) =>
  failure(409, 'AlreadyExists', `${qualified(q)} "${name}" already exists`, { name, group: q.group || undefined, kind: q.resource });

/** Optimistic-concurrency failure on update. */
export const conflict = (q: Qualified, name: string, detail: string) =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(q)} "${name}": ${detail}`, {
    name,
    group: q.group || undefined,
    kind: q.resource,
  });

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

/** 422 Invalid: `Deployment.apps "web" is invalid: [a, b]` (one error: no brackets). */
export function invalid(kind: { group: string; kind: string }, name: string, errs: FieldError[]): Status {
  const qk = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const parts = errs.map(errorString);
  const msg = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return failure(422, 'Invalid', `${qk} "${name}" is invalid: ${msg}`, {
    name,
    group: kind.group || undefined,
    kind: kind.kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

export const badRequest = (message: string) => failure(400, 'BadRequest', message);

export const forbidden = (q: Qualified, name: string, message: string) =>
  failure(403, 'Forbidden', `${qualified(q)} "${name}" is forbidden: ${message}`, {
    name,
    group: q.group || undefined,
    kind: q.resource,
  });

export const methodNotSupported = (q: Qualified, action: string) =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualified(q)}"`, {
    group: q.group || undefined,
    kind: q.resource,
  });

export const gone = (message: string) => failure(410, 'Expired', message);

export const tooLarge = (message = 'Request entity too large: limit is 3145728') => failure(413, 'RequestEntityTooLarge', message);

export const unsupportedMediaType = (message: string) => failure(415, 'UnsupportedMediaType', message);

export const notAcceptable = (message: string) => failure(406, 'NotAcceptable', message);

export const internal = (message: string) =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

/** 404 for a path no resource serves (what kubectl sees as "the server could not find the requested resource"). */
export const pathNotFound = () => failure(404, 'NotFound', 'the server could not find the requested resource');

export const success = (details?: Status['details']): Status => {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) s.details = details;
  return s;
};

/** A bad query parameter (400 BadRequest carrying the field error text). */
export const invalidParam = (message: string) => failure(400, 'BadRequest', message);
