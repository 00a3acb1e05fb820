/** A badge colour per component family, so a glance tells controllers, scheduler, kubelets and the API apart. */
export type ComponentTone = 'controller' | 'scheduler' | 'kubelet' | 'api' | 'chaos' | 'system';

export function componentTone(component: string): ComponentTone {
  if (component === 'scheduler' || component === 'kube-scheduler' || component.startsWith('default-scheduler')) return 'scheduler';
  if (component.startsWith('kubelet') || component.startsWith('kube-proxy') || component.startsWith('runtime')) return 'kubelet';
  if (component === 'kube-apiserver' || component === 'kubectl' || component.startsWith('kube-playground')) return 'api';
  if (component === 'chaos') return 'chaos';
  if (component.endsWith('-controller') || component.includes('controller')) return 'controller';
  return 'system';
}

/** Short badge text: `kubelet/worker-1` → `kubelet worker-1`, `replicaset-controller` → `replicaset`. */
export function componentBadge(component: string): string {
  return component.replace(/-controller$/, '').replace('/', ' ');
}
