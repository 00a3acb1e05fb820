/** Small builders for timeline tests. */
import type { TimelineEntrySummary } from '../../../workers/timeline/types';

export function entry(id: number, over: Partial<TimelineEntrySummary> = {}): TimelineEntrySummary {
  return {
    id,
    source: 'task',
    taskId: id,
    component: 'replicaset-controller',
    key: 'default/web-1',
    what: 'sync',
    time: 1_000 * id,
    revisions: [],
    narration: `entry ${id}`,
    ...over,
  };
}
