/** The pod facts several commands sort and filter on. */
export function podFields(p: { spec?: { nodeName?: string }; status?: Record<string, unknown>; metadata?: { creationTimestamp?: string } }): { assigned: boolean; phase: string; ready: boolean; restarts: number; created: string } {
  const status = (p.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { restartCount?: number }[] };
  return {
    assigned: !!p.spec?.nodeName,
    phase: status.phase ?? '',
    ready: !!status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    restarts: Math.max(0, ...(status.containerStatuses ?? []).map((c) => c.restartCount ?? 0)),
    created: p.metadata?.creationTimestamp ?? '',
  };
}
