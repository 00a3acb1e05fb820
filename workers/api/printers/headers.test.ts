import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import { printerFor, printers } from './index';
import { NOW } from './fixtures';

/** Upstream column names per kind (pkg/printers/internalversion/printers.go, v1.32); `*` marks priority 1 (wide). */
const EXPECTED: Record<string, string[]> = {
  '/Pod': ['Name', 'Ready', 'Status', 'Restarts', 'Age', '*IP', '*Node', '*Nominated Node', '*Readiness Gates'],
  '/ReplicationController': ['Name', 'Desired', 'Current', 'Ready', 'Age', '*Containers', '*Images', '*Selector'],
  '/Service': ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', '*Selector'],
  '/Endpoints': ['Name', 'Endpoints', 'Age'],
  '/Node': ['Name', 'Status', 'Roles', 'Age', 'Version', '*Internal-IP', '*External-IP', '*OS-Image', '*Kernel-Version', '*Container-Runtime'],
  '/Event': ['Last Seen', 'Type', 'Reason', 'Object', '*Subobject', '*Source', 'Message', '*First Seen', '*Count', '*Name'],
  'events.k8s.io/Event': ['Last Seen', 'Type', 'Reason', 'Object', '*Subobject', '*Source', 'Message', '*First Seen', '*Count', '*Name'],
  '/Namespace': ['Name', 'Status', 'Age'],
  '/Secret': ['Name', 'Type', 'Data', 'Age'],
  '/ServiceAccount': ['Name', 'Secrets', 'Age'],
  '/ConfigMap': ['Name', 'Data', 'Age'],
  '/PersistentVolume': [
    'Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', '*VolumeMode',
  ],
  '/PersistentVolumeClaim': ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', '*VolumeMode'],
  '/ResourceQuota': ['Name', 'Request', 'Limit', 'Age'],
  '/LimitRange': ['Name', 'Created At'],
  'apps/Deployment': ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', '*Containers', '*Images', '*Selector'],
  'apps/ReplicaSet': ['Name', 'Desired', 'Current', 'Ready', 'Age', '*Containers', '*Images', '*Selector'],
  'apps/StatefulSet': ['Name', 'Ready', 'Age', '*Containers', '*Images'],
  'apps/DaemonSet': ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', '*Containers', '*Images', '*Selector'],
  'apps/ControllerRevision': ['Name', 'Controller', 'Revision', 'Age'],
  'batch/Job': ['Name', 'Status', 'Completions', 'Duration', 'Age', '*Containers', '*Images', '*Selector'],
  'batch/CronJob': ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', '*Containers', '*Images', '*Selector'],
  'autoscaling/HorizontalPodAutoscaler': ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
  'policy/PodDisruptionBudget': ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age'],
  'networking.k8s.io/Ingress': ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'],
  'networking.k8s.io/IngressClass': ['Name', 'Controller', 'Parameters', 'Age'],
  'networking.k8s.io/NetworkPolicy': ['Name', 'Pod-Selector', 'Age'],
  'discovery.k8s.io/EndpointSlice': ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age'],
  'rbac.authorization.k8s.io/Role': ['Name', 'Created At'],
  'rbac.authorization.k8s.io/ClusterRole': ['Name', 'Created At'],
  'rbac.authorization.k8s.io/RoleBinding': ['Name', 'Role', 'Age', '*Users', '*Groups', '*ServiceAccounts'],
  'rbac.authorization.k8s.io/ClusterRoleBinding': ['Name', 'Role', 'Age', '*Users', '*Groups', '*ServiceAccounts'],
  'coordination.k8s.io/Lease': ['Name', 'Holder', 'Age'],
  'storage.k8s.io/StorageClass': ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'],
  'scheduling.k8s.io/PriorityClass': ['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy'],
  'apiextensions.k8s.io/CustomResourceDefinition': ['Name', 'Created At'],
};

const headerList = (key: string) => printers[key].columns.map((c) => (c.priority > 0 ? `*${c.name}` : c.name));

describe('printer headers match upstream', () => {
  it('covers exactly the expected kinds', () => {
    expect(Object.keys(printers).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (key) => {
    expect(headerList(key)).toEqual(EXPECTED[key]);
  });

  it('marks the object name column with format "name" and nothing else', () => {
    for (const [key, p] of Object.entries(printers)) {
      const named = p.columns.filter((c) => c.format === 'name').map((c) => c.name);
      expect(named, key).toEqual(['Name']);
      for (const c of p.columns) expect(c.description.length, `${key} ${c.name}`).toBeGreaterThan(0);
    }
  });

  it('falls back to NAME / CREATED AT for kinds without a printer', () => {
    expect(printerFor('example.com', 'Widget').columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
  });
});

describe('rows on bare objects (fields missing) never throw and fill every column', () => {
  it.each(Object.keys(EXPECTED))('%s', (key) => {
    const [group, kind] = key.split('/');
    const bare: KubeObject = { apiVersion: group ? `${group}/v1` : 'v1', kind, metadata: { name: 'x' } };
    const cells = printers[key].row(bare, NOW);
    expect(cells).toHaveLength(printers[key].columns.length);
    for (const c of cells) expect(c === null || ['string', 'number', 'boolean'].includes(typeof c)).toBe(true);
    // Missing creationTimestamp prints as the upstream zero-time marker wherever an Age column exists.
    const age = printers[key].columns.findIndex((c) => c.name === 'Age');
    if (age >= 0) expect(cells[age]).toBe('<unknown>');
  });
});
