/**
 * How @kubernetes/client-node class names map back to upstream OpenAPI
 * definition names (`V1DeploymentSpec` → `io.k8s.api.apps.v1.DeploymentSpec`).
 */

/** API group → Go package the definitions are named after. */
export const GROUP_PACKAGE = {
  '': 'io.k8s.api.core',
  'admissionregistration.k8s.io': 'io.k8s.api.admissionregistration',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  apps: 'io.k8s.api.apps',
  'authentication.k8s.io': 'io.k8s.api.authentication',
  'authorization.k8s.io': 'io.k8s.api.authorization',
  autoscaling: 'io.k8s.api.autoscaling',
  batch: 'io.k8s.api.batch',
  'certificates.k8s.io': 'io.k8s.api.certificates',
  'coordination.k8s.io': 'io.k8s.api.coordination',
  'discovery.k8s.io': 'io.k8s.api.discovery',
  'events.k8s.io': 'io.k8s.api.events',
  'flowcontrol.apiserver.k8s.io': 'io.k8s.api.flowcontrol',
  'internal.apiserver.k8s.io': 'io.k8s.api.apiserverinternal',
  'networking.k8s.io': 'io.k8s.api.networking',
  'node.k8s.io': 'io.k8s.api.node',
  policy: 'io.k8s.api.policy',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'resource.k8s.io': 'io.k8s.api.resource',
  'scheduling.k8s.io': 'io.k8s.api.scheduling',
  'storage.k8s.io': 'io.k8s.api.storage',
  'storagemigration.k8s.io': 'io.k8s.api.storagemigration',
};

/** Client-node's disambiguating class prefixes (`RbacV1Subject`) → API group. */
export const CLASS_GROUP_PREFIX = {
  Admissionregistration: 'admissionregistration.k8s.io',
  Apiextensions: 'apiextensions.k8s.io',
  Apiregistration: 'apiregistration.k8s.io',
  Authentication: 'authentication.k8s.io',
  Core: '',
  Discovery: 'discovery.k8s.io',
  Events: 'events.k8s.io',
  Flowcontrol: 'flowcontrol.apiserver.k8s.io',
  Rbac: 'rbac.authorization.k8s.io',
  Storage: 'storage.k8s.io',
};

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Types of k8s.io/apimachinery/pkg/apis/meta/v1 (shared by every group). */
export const META_CLASSES = [
  'V1APIGroup', 'V1APIGroupList', 'V1APIResource', 'V1APIResourceList', 'V1APIVersions', 'V1Condition',
  'V1DeleteOptions', 'V1FieldSelectorRequirement', 'V1GroupVersionForDiscovery', 'V1LabelSelector',
  'V1LabelSelectorRequirement', 'V1ListMeta', 'V1ManagedFieldsEntry', 'V1ObjectMeta', 'V1OwnerReference',
  'V1Preconditions', 'V1ServerAddressByClientCIDR', 'V1Status', 'V1StatusCause', 'V1StatusDetails', 'V1WatchEvent',
];

/**
 * Types served through another group's API but defined in their own group:
 * the scale subresource returns autoscaling/v1 Scale, pods/eviction takes
 * policy/v1 Eviction, serviceaccounts/token takes authentication/v1 TokenRequest.
 */
export const CLASS_GROUP_OVERRIDE = {
  V1Scale: 'autoscaling',
  V1ScaleSpec: 'autoscaling',
  V1ScaleStatus: 'autoscaling',
  V1Eviction: 'policy',
  V1TokenRequestSpec: 'authentication.k8s.io',
  V1TokenRequestStatus: 'authentication.k8s.io',
  V1BoundObjectReference: 'authentication.k8s.io',
  // core/v1 types that only StorageClass uses
  V1TopologySelectorTerm: '',
  V1TopologySelectorLabelRequirement: '',
};

/** Kinds whose definition lists every group-version (they are served everywhere). */
export const EVERYWHERE_KINDS = ['V1DeleteOptions', 'V1WatchEvent'];

/** Go package name used in decode errors (`v1.DeploymentSpec`). */
export function goPackageOf(defName) {
  const parts = defName.split('.');
  return parts[parts.length - 2];
}

/** Served by every group-version (watch streams) though no client-node API names it. */
export const EXTRA_ROOTS = ['V1WatchEvent'];
