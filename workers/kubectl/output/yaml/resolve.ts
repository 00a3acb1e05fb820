/**
 * Would go-yaml v2 read this string back as something other than a string?
 * kubectl's `-o yaml` (sigs.k8s.io/yaml → go-yaml v2) quotes exactly those
 * strings, so `"80"`, `"true"`, `"y"` and timestamps come out quoted.
 * Mirrors gopkg.in/yaml.v2 resolve.go (resolve, resolveMap, yamlStyleFloat)
 * and encode.go isBase60Float.
 */

const SPECIAL_WORDS = new Set([
  // bool
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  // null
  '', '~', 'null', 'Null', 'NULL',
  // float
  '.nan', '.NaN', '.NAN',
  '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  // merge key
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
/** Go's strconv.ParseInt(s, 0, 64) syntax: sign, base prefix, `_` between digits. */
const GO_INT = /^[-+]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/;
/** Go float syntax strconv.ParseFloat accepts, for strings starting with '.'. */
const GO_FLOAT = /^[-+]?(\d*\.\d+|\d+\.?\d*)([eE][-+]?\d+)?$/;
/** The layouts go-yaml v2 tries for timestamps (2006-1-2T15:4:5.999999999Z07:00, …, 2006-1-2). */
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))|( \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?))?$/;

export function resolvesAsNonString(s: string): boolean {
  if (SPECIAL_WORDS.has(s)) return true;
  if (BASE60_FLOAT.test(s)) return true;
  const c = s[0];
  if (c === '.') return GO_FLOAT.test(s);
  const digit = c >= '0' && c <= '9';
  if (!digit && c !== '+' && c !== '-') return false;
  if (GO_INT.test(s) || YAML_STYLE_FLOAT.test(s)) return true;
  if (/^-?0b[01]+$/.test(s)) return true;
  return digit && TIMESTAMP.test(s) && validDate(s);
}

/** time.Parse rejects impossible dates such as 2025-13-40. */
function validDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split(/[-Tt ]/).map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
