/**
 * The errors strategic merge patch can end with, worded as
 * staging/src/k8s.io/apimachinery/pkg/util/mergepatch/errors.go and
 * strategicpatch/patch.go word them. `type` says which sentinel it is, because
 * the API server picks the HTTP code by sentinel (handlers/patch.go
 * interpretStrategicMergePatchError); everything else is a plain error (500).
 */
import { goS, goTypeName, goV } from './goFormat';

export type SmpErrorType =
  | 'BadJSONDoc'
  | 'NoListOfLists'
  | 'BadPatchFormatForPrimitiveList'
  | 'BadPatchFormatForRetainKeys'
  | 'BadPatchFormatForSetElementOrderList'
  | 'PatchContentNotMatchRetainKeys'
  | 'UnsupportedStrategicMergePatchFormat'
  | 'Other';

export interface SmpError {
  type: SmpErrorType;
  message: string;
}

const SENTINEL_TEXT: Record<Exclude<SmpErrorType, 'Other'>, string> = {
  BadJSONDoc: 'invalid JSON document',
  NoListOfLists: 'lists of lists are not supported',
  BadPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  BadPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  BadPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  PatchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
  UnsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
};

export const sentinel = (type: Exclude<SmpErrorType, 'Other'>): SmpError => ({ type, message: SENTINEL_TEXT[type] });

export const other = (message: string): SmpError => ({ type: 'Other', message });

/** mergepatch.ErrNoMergeKey */
export const noMergeKey = (m: Record<string, unknown>, key: string) =>
  other(`map: ${goV(m)} does not contain declared merge key: ${key}`);

/** mergepatch.ErrBadArgType(expected, actual), with the expected Go type named directly. */
export const badArgType = (expected: 'map[string]interface {}' | '[]interface {}', actual: unknown) =>
  other(`expected a ${expected}, but received a ${goTypeName(actual)}`);

/** mergepatch.ErrBadPatchType */
export const badPatchType = (directive: unknown, m: Record<string, unknown>) =>
  other(`unknown patch type: ${goS(directive)} in map: ${goV(m)}`);

/** Thrown inside the merge walk and caught at its entry, so callers only ever see values. */
export class SmpFailure {
  constructor(readonly error: SmpError) {}
}

export function fail(error: SmpError): never {
  throw new SmpFailure(error);
}
