/**
 * The control plane's static pods, as kubeadm writes them to
 * /etc/kubernetes/manifests (cmd/kubeadm/app/phases/{controlplane,etcd}),
 * and the mirror pods the kubelet creates for them in the API
 * (pkg/kubelet/pod/mirror_client.go, pkg/kubelet/config/common.go).
 */
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { defaultPod } from '../../api/kinds/core/pod';
import { KUBELET_VERSION } from '../nodeObject';

export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';

export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
export const controlPlaneImage = (component: string) => `registry.k8s.io/${component}:${KUBELET_VERSION}`;

const httpProbe = (path: string, port: number, scheme: string, o: Partial<Probe>): Probe => ({
  httpGet: { host: '127.0.0.1', path, port, scheme },
  timeoutSeconds: 15,
  ...o,
});

const hostPathVolume = (name: string, path: string, type: string) => ({ name, hostPath: { path, type } });

interface Manifest {
  name: string;
  annotations?: Record<string, string>;
  container: Container;
  volumes: { name: string; hostPath: { path: string; type: string } }[];
}

function manifests(nodeName: string, ip: string): Manifest[] {
  const caMounts = [
    { mountPath: '/etc/ssl/certs', name: 'ca-certs', readOnly: true },
    { mountPath: '/etc/ca-certificates', name: 'etc-ca-certificates', readOnly: true },
  ];
  const caVolumes = [hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'), hostPathVolume('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate')];
  const localCa = [
    { mountPath: '/usr/local/share/ca-certificates', name: 'usr-local-share-ca-certificates', readOnly: true },
    { mountPath: '/usr/share/ca-certificates', name: 'usr-share-ca-certificates', readOnly: true },
  ];
  const localCaVolumes = [
    hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
    hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
  ];
  return [
    {
      name: 'etcd',
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
      container: {
        name: 'etcd',
        image: ETCD_IMAGE,
        command: [
          'etcd',
          `--advertise-client-urls=https://${ip}:2379`,
          '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
          '--client-cert-auth=true',
          '--data-dir=/var/lib/etcd',
          '--experimental-initial-corrupt-check=true',
          '--experimental-watch-progress-notify-interval=5s',
          `--initial-advertise-peer-urls=https://${ip}:2380`,
          `--initial-cluster=${nodeName}=https://${ip}:2380`,
          '--key-file=/etc/kubernetes/pki/etcd/server.key',
          `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
          '--listen-metrics-urls=http://127.0.0.1:2381',
          `--listen-peer-urls=https://${ip}:2380`,
          `--name=${nodeName}`,
          '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
          '--peer-client-cert-auth=true',
          '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
          '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
          '--snapshot-count=10000',
          '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        ],
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: httpProbe('/livez', 2381, 'HTTP', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10 }),
        readinessProbe: httpProbe('/readyz', 2381, 'HTTP', { failureThreshold: 3, periodSeconds: 1 }),
        startupProbe: httpProbe('/readyz', 2381, 'HTTP', { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10 }),
        resources: { requests: { cpu: '100m', memory: '100Mi' } },
        volumeMounts: [
          { mountPath: '/var/lib/etcd', name: 'etcd-data' },
          { mountPath: '/etc/kubernetes/pki/etcd', name: 'etcd-certs' },
        ],
      },
      volumes: [hostPathVolume('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPathVolume('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
    },
    {
      name: 'kube-apiserver',
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
      container: {
        name: 'kube-apiserver',
        image: controlPlaneImage('kube-apiserver'),
        command: [
          'kube-apiserver',
          `--advertise-address=${ip}`,
          '--allow-privileged=true',
          '--authorization-mode=Node,RBAC',
          '--client-ca-file=/etc/kubernetes/pki/ca.crt',
          '--enable-admission-plugins=NodeRestriction',
          '--enable-bootstrap-token-auth=true',
          '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
          '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
          '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
          '--etcd-servers=https://127.0.0.1:2379',
          '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
          '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
          '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
          '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
          '--requestheader-allowed-names=front-proxy-client',
          '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
          '--requestheader-extra-headers-prefix=X-Remote-Extra-',
          '--requestheader-group-headers=X-Remote-Group',
          '--requestheader-username-headers=X-Remote-User',
          '--runtime-config=',
          '--secure-port=6443',
          '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
          '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
          '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
          '--service-cluster-ip-range=10.96.0.0/16',
          '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
          '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
        ],
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: httpProbe('/livez', 6443, 'HTTPS', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10, httpGet: { host: ip, path: '/livez', port: 6443, scheme: 'HTTPS' } }),
        readinessProbe: httpProbe('/readyz', 6443, 'HTTPS', { failureThreshold: 3, periodSeconds: 1, httpGet: { host: ip, path: '/readyz', port: 6443, scheme: 'HTTPS' } }),
        startupProbe: httpProbe('/livez', 6443, 'HTTPS', { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10, httpGet: { host: ip, path: '/livez', port: 6443, scheme: 'HTTPS' } }),
        resources: { requests: { cpu: '250m' } },
        volumeMounts: [...caMounts, { mountPath: '/etc/kubernetes/pki', name: 'k8s-certs', readOnly: true }, ...localCa],
      },
      volumes: [...caVolumes, hostPathVolume('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'), ...localCaVolumes],
    },
    {
      name: 'kube-controller-manager',
      container: {
        name: 'kube-controller-manager',
        image: controlPlaneImage('kube-controller-manager'),
        command: [
          'kube-controller-manager',
          '--allocate-node-cidrs=true',
          '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--bind-address=127.0.0.1',
          '--client-ca-file=/etc/kubernetes/pki/ca.crt',
          '--cluster-cidr=10.244.0.0/16',
          '--cluster-name=kube-playground',
          '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
          '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
          '--controllers=*,bootstrapsigner,tokencleaner',
          '--enable-hostpath-provisioner=true',
          '--kubeconfig=/etc/kubernetes/controller-manager.conf',
          '--leader-elect=true',
          '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
          '--root-ca-file=/etc/kubernetes/pki/ca.crt',
          '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
          '--service-cluster-ip-range=10.96.0.0/16',
          '--use-service-account-credentials=true',
        ],
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: httpProbe('/healthz', 10257, 'HTTPS', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10 }),
        startupProbe: httpProbe('/healthz', 10257, 'HTTPS', { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10 }),
        resources: { requests: { cpu: '200m' } },
        volumeMounts: [
          ...caMounts,
          { mountPath: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', name: 'flexvolume-dir' },
          { mountPath: '/etc/kubernetes/pki', name: 'k8s-certs', readOnly: true },
          { mountPath: '/etc/kubernetes/controller-manager.conf', name: 'kubeconfig', readOnly: true },
          ...localCa,
        ],
      },
      volumes: [
        ...caVolumes,
        hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
        hostPathVolume('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
        hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
        ...localCaVolumes,
      ],
    },
    {
      name: 'kube-scheduler',
      container: {
        name: 'kube-scheduler',
        image: controlPlaneImage('kube-scheduler'),
        command: [
          'kube-scheduler',
          '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
          '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
          '--bind-address=127.0.0.1',
          '--kubeconfig=/etc/kubernetes/scheduler.conf',
          '--leader-elect=true',
        ],
        imagePullPolicy: 'IfNotPresent',
        livenessProbe: httpProbe('/healthz', 10259, 'HTTPS', { failureThreshold: 8, initialDelaySeconds: 10, periodSeconds: 10 }),
        startupProbe: httpProbe('/healthz', 10259, 'HTTPS', { failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10 }),
        resources: { requests: { cpu: '100m' } },
        volumeMounts: [{ mountPath: '/etc/kubernetes/scheduler.conf', name: 'kubeconfig', readOnly: true }],
      },
      volumes: [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
    },
  ];
}

/** A stable 32-hex-digit hash of the manifest (upstream: an md5 of the pod). */
export function manifestHash(obj: unknown): string {
  const text = JSON.stringify(obj);
  let out = '';
  for (let seed = 0; seed < 4; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

export interface StaticPod {
  /** The pod as the kubelet runs it (UID = the manifest hash). */
  pod: Pod;
  hash: string;
}

/** The control plane's static pods for `nodeName`, defaulted as the kubelet's file source does. */
export function controlPlaneStaticPods(nodeName: string, ip: string, seenAt: string): StaticPod[] {
  return manifests(nodeName, ip).map((m) => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: m.name,
        namespace: 'kube-system',
        labels: { component: m.name, tier: 'control-plane' },
        ...(m.annotations ? { annotations: m.annotations } : {}),
      },
      spec: {
        containers: [m.container],
        hostNetwork: true,
        priority: 2000001000,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        volumes: m.volumes,
      },
    };
    const hash = manifestHash(manifest);
    const obj = JSON.parse(JSON.stringify(manifest)) as KubeObject;
    // pkg/kubelet/config/common.go applyDefaults: the name gets the node suffix, the UID is the hash.
    obj.metadata.name = `${m.name}-${nodeName}`;
    obj.metadata.uid = hash;
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CONFIG_HASH]: hash, [CONFIG_SEEN]: seenAt, [CONFIG_SOURCE]: 'file' };
    (obj.spec as Record<string, unknown>).nodeName = nodeName;
    (obj.spec as Record<string, unknown>).tolerations = [{ operator: 'Exists', effect: 'NoExecute' }];
    defaultPod(obj);
    return { pod: obj as unknown as Pod, hash };
  });
}

/** The mirror pod for a static pod: same spec, the mirror annotation, owned by the Node. */
export function mirrorPodOf(sp: StaticPod, nodeName: string, nodeUid: string): KubeObject {
  const pod = JSON.parse(JSON.stringify(sp.pod)) as KubeObject;
  delete pod.metadata.uid;
  delete pod.status;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [CONFIG_MIRROR]: sp.hash };
  pod.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }];
  return pod;
}
