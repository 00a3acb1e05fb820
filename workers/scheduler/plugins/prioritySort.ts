/** PrioritySort (plugins/queuesort/priority_sort.go): higher priority first, then the earlier queued. */
import type { QueueSortPlugin, QueuedPodInfo } from '../types';

export const Name = 'PrioritySort';

export function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  if (a.info.priority !== b.info.priority) return a.info.priority > b.info.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export function New(): QueueSortPlugin {
  return { name: Name, less };
}
