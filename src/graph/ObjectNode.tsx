import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ObjectNode as ObjectNodeType } from './types';

/** Short kind tags, as `kubectl api-resources` abbreviates them. */
const KIND_TAG: Record<string, string> = {
  Deployment: 'deploy',
  ReplicaSet: 'rs',
  StatefulSet: 'sts',
  DaemonSet: 'ds',
  Job: 'job',
  CronJob: 'cj',
  Service: 'svc',
  Ingress: 'ing',
  PersistentVolumeClaim: 'pvc',
  PersistentVolume: 'pv',
};

function ObjectNodeView({ data, selected }: NodeProps<ObjectNodeType>) {
  return (
    <div className={`object-card kind-${data.kind} tone-${data.tone}${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}`} title={`${data.kind} ${data.namespace ? `${data.namespace}/` : ''}${data.name}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="kp-handle" />
      <div className="object-head">
        <span className="object-kind">{KIND_TAG[data.kind] ?? data.kind}</span>
        <span className="object-name">{data.name}</span>
      </div>
      <div className="object-summary">
        <span className="object-tone" aria-hidden="true" />
        {data.summary || data.kind}
        {data.namespace && data.namespace !== 'default' && <span className="object-ns">{data.namespace}</span>}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="kp-handle" />
    </div>
  );
}

export const ObjectNode = memo(ObjectNodeView);
