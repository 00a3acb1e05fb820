/** The label key/value checks selectors apply: the same functions object validation uses. */
export { isQualifiedName, isValidLabelValue } from '../validation/labels';
export { isDNS1123Subdomain, maxLenError, regexError } from '../validation/names';
