/** Field management: managedFields on every write, and server-side apply. */
export { updateManagedFields, type UpdateManagedFieldsInput } from './managedFields';
export { serverSideApply, type ServerSideApplyInput, type ServerSideApplyResult } from './apply';
export { conflictMessage, conflictStatus, type ApplyConflict } from './conflict';
export { defaultResetFields } from './pipeline';
export { managerOrUserAgent, prefixFromUserAgent, validateFieldManager, validatePatchOptions, optionsKind, FIELD_MANAGER_MAX_LENGTH } from './managerName';
export { LAST_APPLIED_ANNOTATION } from './lastApplied';
export type { ManagedFieldsEntry } from './managers';
export { FieldSet } from './fieldset';
export { pathString, type Path, type PathElement } from './pathElement';
export { toFieldSet } from './toFieldSet';
