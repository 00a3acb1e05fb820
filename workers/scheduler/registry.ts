/**
 * The in-tree plugin registry and the default profile
 * (plugins/registry.go, apis/config/v1/default_plugins.go): plugin order is
 * the order extension points run in, and the weights are the defaults.
 */
import type { PluginFactory } from './types';
import * as PrioritySort from './plugins/prioritySort';
import * as SchedulingGates from './plugins/schedulingGates';
import * as NodeUnschedulable from './plugins/nodeUnschedulable';
import * as NodeName from './plugins/nodeName';
import * as TaintToleration from './plugins/taintToleration';
import * as NodeAffinity from './plugins/nodeAffinity';
import * as NodePorts from './plugins/nodePorts';
import * as NodeResourcesFit from './plugins/nodeResourcesFit';
import * as VolumeBinding from './plugins/volumeBinding';
import * as PodTopologySpread from './plugins/podTopologySpread';
import * as InterPodAffinity from './plugins/interPodAffinity';
import * as DefaultPreemption from './plugins/defaultPreemption';
import * as BalancedAllocation from './plugins/balancedAllocation';
import * as ImageLocality from './plugins/imageLocality';

export const registry: Readonly<Record<string, PluginFactory>> = {
  [PrioritySort.Name]: () => PrioritySort.New(),
  [SchedulingGates.Name]: () => SchedulingGates.New(),
  [NodeUnschedulable.Name]: () => NodeUnschedulable.New(),
  [NodeName.Name]: () => NodeName.New(),
  [TaintToleration.Name]: () => TaintToleration.New(),
  [NodeAffinity.Name]: () => NodeAffinity.New(),
  [NodePorts.Name]: () => NodePorts.New(),
  [NodeResourcesFit.Name]: () => NodeResourcesFit.New(),
  [VolumeBinding.Name]: (h) => VolumeBinding.New(h),
  [PodTopologySpread.Name]: (h) => PodTopologySpread.New(h),
  [InterPodAffinity.Name]: (h) => InterPodAffinity.New(h),
  [DefaultPreemption.Name]: (h) => DefaultPreemption.New(h),
  [BalancedAllocation.Name]: () => BalancedAllocation.New(),
  [ImageLocality.Name]: (h) => ImageLocality.New(h),
};

export interface ProfilePlugin {
  name: string;
  /** Score weight; plugins without a Score extension ignore it. */
  weight?: number;
}

/** getDefaultPlugins (v1.32 MultiPoint), without the volume plugins we do not model. */
export const DEFAULT_PROFILE: readonly ProfilePlugin[] = [
  { name: SchedulingGates.Name },
  { name: PrioritySort.Name },
  { name: NodeUnschedulable.Name },
  { name: NodeName.Name },
  { name: TaintToleration.Name, weight: 3 },
  { name: NodeAffinity.Name, weight: 2 },
  { name: NodePorts.Name },
  { name: NodeResourcesFit.Name, weight: 1 },
  { name: VolumeBinding.Name },
  { name: PodTopologySpread.Name, weight: 2 },
  { name: InterPodAffinity.Name, weight: 2 },
  { name: DefaultPreemption.Name },
  { name: BalancedAllocation.Name, weight: 1 },
  { name: ImageLocality.Name, weight: 1 },
];

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
