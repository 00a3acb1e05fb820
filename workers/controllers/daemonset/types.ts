/** Typed views of DaemonSets and Nodes, as plain KubeObjects. */
import type { KubeObject } from '../../api/object';
import type { DaemonSetSpec, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { NodeSpec, NodeStatus } from 'kubernetes-types/core/v1';

export type DaemonSetStatusView = Partial<DaemonSetStatus>;

export type DaemonSet = KubeObject & { spec: DaemonSetSpec; status?: DaemonSetStatusView };

export type Node = KubeObject & { spec?: NodeSpec; status?: NodeStatus };
