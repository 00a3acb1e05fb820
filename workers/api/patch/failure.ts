/**
 * How a failed patch reaches the client: the `Status` the API server answers
 * with, mirroring staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go
 * (which error becomes which code) and responsewriters/status.go (plain Go
 * errors become 500 with an empty reason).
 */
import { badRequest, invalid, tooLarge, unsupportedMediaType, type Status } from '../status';
import { invalid as invalidField } from '../validation/field';

export interface PatchFailure {
  ok: false;
  code: number;
  /** `Status.reason`; '' where upstream sends none (StatusReasonUnknown). */
  reason: string;
  message: string;
  /** The full body to answer with. */
  status: Status;
}

const fromStatus = (status: Status): PatchFailure => ({
  ok: false,
  code: status.code,
  reason: status.reason ?? '',
  message: status.message ?? '',
  status,
});

export const badRequestFailure = (message: string) => fromStatus(badRequest(message));

/**
 * errors.NewGenericServerResponse(422, ...) with no resource: the detail is
 * dropped and only the canned sentence remains (what kubectl shows as
 * `The request is invalid: the server rejected our request due to an error in our request`).
 */
export const unprocessableFailure = () =>
  fromStatus({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    details: {},
    code: 422,
  });

/** A plain Go error that reached the response writer: 500, no reason, the error text as message. */
export const unknownErrorFailure = (message: string) =>
  fromStatus({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });

export const MAX_JSON_PATCH_OPERATIONS = 10000;

export const tooManyOperationsFailure = (count: number) =>
  fromStatus(
    tooLarge(
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${count}`,
    ),
  );

/**
 * Built-in resources: go-restful refuses the content type before the patch
 * handler runs, and the apiserver's service error handler wraps that as
 * NewGenericServerResponse(415, ...), which has no reason for 415.
 */
export const unsupportedByRouteFailure = () =>
  fromStatus({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server responded with the status code 415 but did not return more information',
    details: {},
    code: 415,
  });

/** negotiation.NewUnsupportedMediaTypeError(accepted): the custom resource handler's own check. */
export const unsupportedMediaTypeFailure = (accepted: readonly string[]) =>
  fromStatus(
    unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`),
  );

/**
 * The patched document could not be decoded back into the kind:
 * errors.NewInvalid(schema.GroupKind{}, "", [field.Invalid("patch", json, err)]).
 */
export function undecodableResultFailure(patched: unknown, detail: string): PatchFailure {
  const status = invalid({ group: '', kind: '' }, '', [invalidField('patch', JSON.stringify(patched), detail)]);
  // Go omits the empty name/kind of an unnamed GroupKind.
  if (status.details) {
    const { causes } = status.details;
    status.details = causes ? { causes } : {};
  }
  return fromStatus(status);
}
