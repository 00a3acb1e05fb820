/**
 * utilerrors.NewAggregate(errs).Error() (apimachinery/pkg/util/errors):
 * one error prints as itself, several as `[a, b]`, repeats once.
 */
export function aggregateMessage(errors: readonly string[]): string {
  const seen = [...new Set(errors)];
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}
