/**
 * The Vertical Pod Autoscaler: the recommender and the updater run as
 * components of the cluster; the admission controller is a mutating
 * admission plugin (admission.ts, registered in workers/api/admission);
 * the CRDs and Deployments come with the add-ons (install.ts).
 */
import type { ComponentContext } from '../../controllers/context';
import type { UsageSource } from '../usage';
import { Recommender } from './recommender';
import { Updater } from './updater';

export interface Vpa {
  recommender: Recommender;
  updater: Updater;
}

export function startVpa(components: ComponentContext, usage: UsageSource): Vpa {
  return { recommender: new Recommender(components, usage), updater: new Updater(components) };
}

export { Recommender, Updater };
export { installVpa } from './install';
