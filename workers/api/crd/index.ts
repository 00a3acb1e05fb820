/**
 * CustomResourceDefinitions come alive: the controllers that accept a CRD's
 * names and serve its versions, and the hooks the API machinery calls for
 * custom resource types (decode/prune, printing, apply schema, OpenAPI).
 */
import type { Registry } from '../kinds/registry';
import type { ComponentContext } from '../../controllers/context';
import { CustomResourceDefinitionController } from './crdController';
import { installCrdDeletionHooks } from './crdDeletion';

export { APIEXTENSIONS_CONTROLLER, CustomResourceDefinitionController } from './crdController';
export { CUSTOM_RESOURCE_CLEANUP_FINALIZER, crdDeletionHooks, installCrdDeletionHooks } from './crdDeletion';
export { customResourceInfo, decodeCustomResource, isCustomResource, printerForCustomResource } from './customResourceType';
export { patchSchemaForCustomResource } from './patchSchema';
export { definitionsWithCustomResources, customResourceDefinitionName } from './openapi';

/**
 * Start serving CRDs on a cluster: CRD deletion waits for its custom
 * resources, and the apiextensions controllers run. Acts as kube-apiserver
 * (its loopback client), labelled `apiextensions-controller` on the clock.
 */
const started = new WeakMap<Registry, CustomResourceDefinitionController>();

export function startApiExtensions(components: ComponentContext, registry: Registry): CustomResourceDefinitionController {
  // Once per cluster: a second start (a test on a cluster that already runs it) changes nothing.
  const running = started.get(registry);
  if (running) return running;
  installCrdDeletionHooks(registry);
  const controller = new CustomResourceDefinitionController({
    clock: components.clock,
    informers: components.informers,
    client: components.client('kube-apiserver'),
    registry,
  });
  started.set(registry, controller);
  components.informers.start();
  return controller;
}
export { withCustomResources } from './machinery';
