/** Accessible names and short card texts for graph nodes. */

/** `Pod web-7d9f4-abcde Running`: what a screen reader says and what tests find a pod by. */
export function podLabel(name: string, reason: string, podReady: boolean, state: string): string {
  const status = reason || 'Pending';
  return state === 'notready' && status === 'Running' && !podReady ? `Pod ${name} ${status}, not ready` : `Pod ${name} ${status}`;
}

export function objectLabel(kind: string, name: string, namespace: string, summary: string): string {
  const where = namespace && namespace !== 'default' ? ` in ${namespace}` : '';
  return `${kind} ${name}${where}${summary ? `, ${summary}` : ''}`;
}

export function laneLabel(name: string, status: string, pods: number, pendingLane: boolean): string {
  const count = `${pods} ${pods === 1 ? 'pod' : 'pods'}`;
  return pendingLane ? `Pending: ${count} not scheduled` : `Node ${name} ${status}, ${count}`;
}

/**
 * Keeps both ends of a long name (`nginx-deplo…5d-x7k2q`): the start says what
 * it is, the end is the random suffix that tells replicas apart.
 */
export function shortName(name: string, max = 18): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) / 2);
  const head = max - 1 - tail;
  return `${name.slice(0, head)}…${name.slice(name.length - tail)}`;
}
