/** Typed views of StatefulSets and PersistentVolumeClaims, as plain KubeObjects. */
import type { KubeObject } from '../../api/object';
import type { StatefulSetSpec, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';

export type StatefulSetStatusView = Partial<StatefulSetStatus>;

export type StatefulSet = KubeObject & { spec: StatefulSetSpec; status?: StatefulSetStatusView };

export type Claim = KubeObject & PersistentVolumeClaim;
