/**
 * Fields whose upstream schema client-node flattened: Quantity became
 * `string`, and JSON-ish values (RawExtension, FieldsV1, apiextensions JSON)
 * became `any`. Restated from the Go field types of Kubernetes v1.32
 * (`resource.Quantity`, `ResourceList`, `runtime.RawExtension`, ...).
 * Keys are client-node class names; values map JSON field names to the
 * upstream schema (`q` = Quantity, `qmap` = map of Quantity, or a schema).
 */
import { META } from './names.mjs';

const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';
const ref = (name) => ({ $ref: `#/definitions/${name}` });

export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

/** @type {Record<string, Record<string, 'q' | 'qmap'>>} */
export const QUANTITY_FIELDS = {
  V1ContainerStatus: { allocatedResources: 'qmap' },
  V1CSIStorageCapacity: { capacity: 'q', maximumVolumeSize: 'q' },
  V1EmptyDirVolumeSource: { sizeLimit: 'q' },
  V1LimitRangeItem: { default: 'qmap', defaultRequest: 'qmap', max: 'qmap', maxLimitRequestRatio: 'qmap', min: 'qmap' },
  V1NodeStatus: { allocatable: 'qmap', capacity: 'qmap' },
  V1Overhead: { podFixed: 'qmap' },
  V1PersistentVolumeClaimStatus: { allocatedResources: 'qmap', capacity: 'qmap' },
  V1PersistentVolumeSpec: { capacity: 'qmap' },
  V1PodSpec: { overhead: 'qmap' },
  V1ResourceFieldSelector: { divisor: 'q' },
  V1ResourceQuotaSpec: { hard: 'qmap' },
  V1ResourceQuotaStatus: { hard: 'qmap', used: 'qmap' },
  V1ResourceRequirements: { limits: 'qmap', requests: 'qmap' },
  V1VolumeResourceRequirements: { limits: 'qmap', requests: 'qmap' },
  V2MetricTarget: { averageValue: 'q', value: 'q' },
  V2MetricValueStatus: { averageValue: 'q', value: 'q' },
  V1alpha3BasicDevice: { capacity: 'qmap' },
  V1beta1DeviceCapacity: { value: 'q' },
};

/** Fields client-node typed `any` (or maps/arrays of it), keyed by JSON name. */
export const ANY_FIELDS = {
  V1ControllerRevision: { data: ref(RAW_EXTENSION) },
  V1CustomResourceSubresources: { status: ref(`${APIEXT}.CustomResourceSubresourceStatus`) },
  V1JSONSchemaProps: {
    additionalItems: ref(`${APIEXT}.JSONSchemaPropsOrBool`),
    additionalProperties: ref(`${APIEXT}.JSONSchemaPropsOrBool`),
    default: ref(`${APIEXT}.JSON`),
    dependencies: { type: 'object', additionalProperties: ref(`${APIEXT}.JSONSchemaPropsOrStringArray`) },
    enum: { type: 'array', items: ref(`${APIEXT}.JSON`) },
    example: ref(`${APIEXT}.JSON`),
    items: ref(`${APIEXT}.JSONSchemaPropsOrArray`),
  },
  V1ManagedFieldsEntry: { fieldsV1: ref(`${META}.FieldsV1`) },
  V1WatchEvent: { object: ref(RAW_EXTENSION) },
  V1alpha1StorageVersion: { spec: ref('io.k8s.api.apiserverinternal.v1alpha1.StorageVersionSpec') },
  V1alpha3AllocatedDeviceStatus: { data: ref(RAW_EXTENSION) },
  V1alpha3OpaqueDeviceConfiguration: { parameters: ref(RAW_EXTENSION) },
  V1beta1AllocatedDeviceStatus: { data: ref(RAW_EXTENSION) },
  V1beta1OpaqueDeviceConfiguration: { parameters: ref(RAW_EXTENSION) },
};

/**
 * Definitions with no client-node class. `descFrom` names the
 * kubernetes-types declaration that carries the upstream description.
 */
export const SPECIAL_DEFINITIONS = {
  [QUANTITY]: { schema: { type: 'string' }, descFrom: ['api/resource', 'Quantity'] },
  [INT_OR_STRING]: { schema: { type: 'string', format: 'int-or-string' }, descFromClientNode: 'IntOrString' },
  [RAW_EXTENSION]: { schema: { type: 'object' }, descFrom: ['runtime', 'RawExtension'] },
  [`${META}.Time`]: { schema: { type: 'string', format: 'date-time' }, descFrom: ['meta/v1', 'Time'] },
  [`${META}.MicroTime`]: { schema: { type: 'string', format: 'date-time' }, descFrom: ['meta/v1', 'MicroTime'] },
  [`${META}.FieldsV1`]: { schema: { type: 'object' }, descFrom: ['meta/v1', 'FieldsV1'] },
  [`${META}.Patch`]: { schema: { type: 'object' }, descFrom: ['meta/v1', 'Patch'] },
  [`${APIEXT}.JSON`]: { schema: {}, descFrom: ['apiextensions/v1', 'JSON'] },
  [`${APIEXT}.JSONSchemaPropsOrArray`]: { schema: {}, descFrom: ['apiextensions/v1', 'JSONSchemaPropsOrArray'] },
  [`${APIEXT}.JSONSchemaPropsOrBool`]: { schema: {}, descFrom: ['apiextensions/v1', 'JSONSchemaPropsOrBool'] },
  [`${APIEXT}.JSONSchemaPropsOrStringArray`]: { schema: {}, descFrom: ['apiextensions/v1', 'JSONSchemaPropsOrStringArray'] },
  [`${APIEXT}.CustomResourceSubresourceStatus`]: { schema: { type: 'object' }, descFrom: ['apiextensions/v1', 'CustomResourceSubresourceStatus'] },
};
