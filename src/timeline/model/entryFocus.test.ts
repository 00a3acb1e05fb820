import { describe, it, expect } from 'vitest';
import type { TimelineWrite } from '../../../workers/timeline/types';
import { describeWrite, entryFocus } from './entryFocus';

const w = (kind: string, name: string, uid: string | undefined, over: Partial<TimelineWrite> = {}): TimelineWrite => ({
  revision: 1,
  type: 'PUT',
  op: 'created',
  key: `/registry/x/${name}`,
  group: '',
  resource: kind.toLowerCase() + 's',
  kind,
  namespace: 'default',
  name,
  uid,
  ...over,
});

describe('entryFocus', () => {
  it('selects the object the task was about and highlights everything it wrote', () => {
    const f = entryFocus({
      key: 'default/web-7d9f',
      writes: [w('Pod', 'web-7d9f-a', 'p1'), w('Pod', 'web-7d9f-b', 'p2'), w('ReplicaSet', 'web-7d9f', 'rs1', { op: 'updated' }), w('Event', 'web.17a', 'e1')],
    });
    expect(f.select).toEqual({ kind: 'ReplicaSet', namespace: 'default', name: 'web-7d9f', uid: 'rs1' });
    expect(f.highlight).toEqual(['p1', 'p2', 'rs1']);
  });

  it('falls back to the first object written, and to nothing for bookkeeping only', () => {
    expect(entryFocus({ key: 'default/web', writes: [w('Pod', 'web-x', 'p1')] }).select?.uid).toBe('p1');
    expect(entryFocus({ key: 'kube-node-lease/worker-1', writes: [w('Lease', 'worker-1', 'l1', { namespace: 'kube-node-lease' })] })).toEqual({ select: null, highlight: [] });
    expect(entryFocus({ key: 'x', writes: [] })).toEqual({ select: null, highlight: [] });
    // A write without a uid can be neither selected nor outlined.
    expect(entryFocus({ key: 'default/a', writes: [w('Pod', 'a', undefined)] })).toEqual({ select: null, highlight: [] });
  });

  it('cluster-scoped objects match on the name alone', () => {
    expect(entryFocus({ key: 'worker-1', writes: [w('Node', 'worker-1', 'n1', { namespace: undefined })] }).select).toEqual({ kind: 'Node', namespace: '', name: 'worker-1', uid: 'n1' });
  });

  it('describes writes with what changed', () => {
    expect(describeWrite(w('Pod', 'a', 'p'))).toBe('created Pod default/a');
    expect(describeWrite(w('Deployment', 'web', 'd', { op: 'updated', changed: ['metadata', 'status'], metadataChanged: ['annotations'] }))).toBe(
      'updated Deployment default/web (metadata, status: annotations)',
    );
    expect(describeWrite(w('Node', 'n', 'n', { op: 'deleted', namespace: undefined }))).toBe('deleted Node n');
  });
});
