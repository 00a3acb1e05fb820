/** The cluster autoscaler and the simulated cloud node group it scales. */
export { ClusterAutoscaler, CLUSTER_AUTOSCALER, type AutoscalerDecision, type ClusterAutoscalerOptions } from './autoscaler';
export { NodeGroup, NODE_GROUP_ID, TO_BE_DELETED_TAINT, type CloudProvider } from './nodeGroup';
export { STATUS_CONFIG_MAP } from './status';
