export { startKubeProxies, KubeProxies, CLUSTER_CIDR } from './kubeProxy';
export { evaluatePacket, type Packet, type Verdict, type MatchedRule } from './evaluate';
export type { ServicePortInfo, EndpointInfo } from './serviceInfo';
