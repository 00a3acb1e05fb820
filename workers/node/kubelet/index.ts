export { Kubelet, startKubelet, type KubeletOptions, type PodUsage, type ContainerUsage } from './kubelet';
export { createNodeProxy } from './nodeProxy';
