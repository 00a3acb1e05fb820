export { decodeObject, decodeFailureMessage, parseFieldValidation, type DecodeResult, type FieldValidation } from './decode';
export { quantityError } from './quantity';
