/**
 * metav1.Time / MicroTime decode as RFC 3339 strings via Go's time.Parse.
 * We mirror its error text (`parsing time "x" as "<layout>": cannot parse
 * "<rest>" as "<element>"`) for the syntax errors learners make; range
 * errors (month 13) are not reproduced.
 */
const RFC3339 = '2006-01-02T15:04:05Z07:00';
const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Step = [element: string, match: RegExp];
const STEPS: Step[] = [
  ['2006', /^\d{4}/], ['-', /^-/], ['01', /^\d{2}/], ['-', /^-/], ['02', /^\d{2}/], ['T', /^T/],
  ['15', /^\d{2}/], [':', /^:/], ['04', /^\d{2}/], [':', /^:/], ['05', /^\d{2}(\.\d+)?/],
  ['Z07:00', /^(Z|[+-]\d{2}:\d{2})/],
];

// Exactly the strings the steps below accept in full (every step anchored, the last leaving nothing).
const WELL_FORMED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function timeError(value: string, micro: boolean): string | undefined {
  if (WELL_FORMED.test(value)) return undefined;
  const layout = micro ? RFC3339_MICRO : RFC3339;
  let rest = value;
  for (const [element, re] of STEPS) {
    const m = re.exec(rest);
    if (!m) return `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(micro && element === '05' ? '.000000' : element)}`;
    rest = rest.slice(m[0].length);
  }
  if (rest) return `parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}`;
  return undefined;
}
