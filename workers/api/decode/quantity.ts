/**
 * The syntax check resource.ParseQuantity applies when a Quantity is
 * decoded (k8s.io/apimachinery/pkg/api/resource/quantity.go), with its
 * error texts. Only whether it parses matters here, not the value.
 */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** undefined when `s` parses as a Quantity, else the upstream error message. */
export function quantityError(s: string): string | undefined {
  if (s.length === 0) return QUANTITY_FORMAT_ERROR;
  if (s === '0') return undefined;
  let pos = 0;
  const end = s.length;
  if (s[0] === '-' || s[0] === '+') pos++;
  while (pos < end && s[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos >= end) return undefined;
  if (s[pos] === '.') {
    pos++;
    while (pos < end && isDigit(s[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(s[pos])) pos++;
  if (pos < end && (s[pos] === '-' || s[pos] === '+')) pos++;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT_ERROR;
  const suffix = s.slice(suffixStart);
  if (SUFFIXES.has(suffix)) return undefined;
  // Decimal exponent: e<int> / E<int>.
  if ((suffix[0] === 'e' || suffix[0] === 'E') && /^[eE][-+]?\d+$/.test(suffix)) return undefined;
  return QUANTITY_SUFFIX_ERROR;
}
