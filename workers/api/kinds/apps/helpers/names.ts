/**
 * The name and format checks the group folders use, re-exported from the
 * shared validation package so every kind words them the same way.
 */
export { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isWildcardDNS1123Subdomain, maxLenError } from '../../../validation/names';
export { isQualifiedName } from '../../../validation/labels';
export { isValidPortName, isValidPortNum } from '../../../validation/formats';
