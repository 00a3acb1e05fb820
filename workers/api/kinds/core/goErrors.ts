/**
 * Field errors whose bad value Go prints in a form goValue cannot derive
 * from JSON: structs via %#v, Stringer pointers, Quantities.
 */
import type { FieldError, Path } from '../../validation/field';

export const invalidRendered = (at: Path | string, rendered: string, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field: at.toString(),
  value: rendered,
  detail,
});

export const duplicateRendered = (at: Path | string, rendered: string, detail = ''): FieldError => ({
  type: 'FieldValueDuplicate',
  field: at.toString(),
  value: rendered,
  detail,
});
