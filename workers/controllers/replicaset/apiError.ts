/** API failures as values, carrying the `Status` fields controllers branch on (apierrors.IsNotFound …). */
import type { ApiResponse } from '../../api/request';
import { isStatus } from '../../api/status';

export interface ApiError {
  code: number;
  reason: string;
  /** What `err.Error()` prints for a StatusError: the Status message. */
  message: string;
  causes: { reason?: string; message?: string; field?: string }[];
}

/** The error of a failed response, or undefined when it succeeded. */
export function apiError(r: ApiResponse): ApiError | undefined {
  if (r.status < 400) return undefined;
  if (isStatus(r.body)) {
    return { code: r.body.code, reason: r.body.reason ?? '', message: r.body.message ?? '', causes: r.body.details?.causes ?? [] };
  }
  return { code: r.status, reason: '', message: `the server responded with status ${r.status}`, causes: [] };
}

export const isNotFound = (e: ApiError | undefined) => e?.reason === 'NotFound';
export const isAlreadyExists = (e: ApiError | undefined) => e?.reason === 'AlreadyExists';
export const isInvalid = (e: ApiError | undefined) => e?.reason === 'Invalid';

/** apierrors.HasStatusCause(err, NamespaceTerminatingCause). */
export const isNamespaceTerminating = (e: ApiError | undefined) => !!e?.causes.some((c) => c.reason === 'NamespaceTerminating');
