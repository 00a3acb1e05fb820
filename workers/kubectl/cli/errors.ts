/**
 * Errors as kubectl prints them. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr,
 * StandardErrorMessage, MultilineError): Status errors become
 * `Error from server (Reason): message`, Invalid ones list their causes,
 * anything else is prefixed `error: `.
 */
import type { ApiResponse } from '../../api/request';

export interface StatusLike {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
  details?: { name?: string; group?: string; kind?: string; causes?: { field?: string; message?: string; reason?: string }[] };
}

/** A failure whose text is ready to print on stderr (a final newline is added if missing). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A failed API response, carried as a value until kubectl decides how to word it. */
export class ApiError extends Error {
  constructor(readonly status: StatusLike) {
    super(status.message ?? '');
  }
  get code(): number {
    return this.status.code ?? 0;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

export function statusOf(r: ApiResponse): StatusLike {
  const b = r.body as StatusLike | undefined;
  if (b && typeof b === 'object' && b.kind === 'Status') return b;
  // client-go's fallback for bodies that are not a Status (newUnstructuredResponseError).
  return { code: r.status, reason: reasonForCode(r.status), message: typeof r.body === 'string' && r.body ? r.body : `the server responded with the status code ${r.status} but did not return more information` };
}

function reasonForCode(code: number): string {
  switch (code) {
    case 404:
      return 'NotFound';
    case 409:
      return 'Conflict';
    case 422:
      return 'Invalid';
    case 400:
      return 'BadRequest';
    case 403:
      return 'Forbidden';
    case 500:
      return 'InternalError';
    default:
      return '';
  }
}

/** Throws the response as an ApiError unless it succeeded. */
export function check(r: ApiResponse): ApiResponse {
  if (r.status >= 200 && r.status < 300) return r;
  throw new ApiError(statusOf(r));
}

/** StandardErrorMessage for a Status. */
export function standardStatusMessage(s: StatusLike): string {
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

/** checkErr's wording of an Invalid status. */
export function invalidMessage(s: StatusLike): string {
  const d = s.details;
  let text = 'The request is invalid';
  if (!d) return s.message ? `${text}: ${s.message}` : text;
  if (d.kind || d.name) text = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (s.message && !d.causes?.length) text += `: ${s.message}`;
  const causes = (d.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  if (causes.length === 0) return text;
  if (causes.length === 1) return `${text}: ${causes[0]}\n`;
  return `${text}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** The text kubectl prints for an error that ends a command. */
export function errorText(err: unknown): string {
  if (err instanceof KubectlError) return err.message;
  if (err instanceof ApiError) {
    if (err.reason === 'Invalid' || err.code === 422) {
      if (err.reason === 'Invalid') return invalidMessage(err.status);
    }
    return standardStatusMessage(err.status);
  }
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** Usage errors: `error: <msg>\nSee 'kubectl get -h' for help and examples`. */
export function usageError(command: string, message: string): KubectlError {
  return new KubectlError(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples`);
}

/** The printed text of a failed response. */
export function responseErrorText(r: ApiResponse): string {
  return errorText(new ApiError(statusOf(r)));
}
