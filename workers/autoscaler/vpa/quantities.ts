/**
 * Amounts to and from quantities as the VPA writes them
 * (pkg/recommender/model/types.go, v1.2.1): CPU as NewScaledQuantity(m, -3)
 * and memory as NewScaledQuantity(bytes, 0), both DecimalSI, so 250 MiB is
 * `262144k` and an odd byte count prints in full.
 */
import { newMilliQuantity, newQuantity } from '../../api/quantity/quantity';
import { milliValue, unitValue } from '../../scheduler/resources';
import type { Amounts } from './estimator';
import type { ResourceMap } from './types';

export const cpuQuantity = (millis: number): string => newMilliQuantity(Math.trunc(millis)).toString();
export const memoryQuantity = (bytes: number): string => newQuantity(Math.trunc(bytes)).toString();

export function amountsToResources(a: Partial<Amounts>, resources: readonly string[] = ['cpu', 'memory']): ResourceMap {
  const out: ResourceMap = {};
  // Filtered to the controlled resources (FilterControlledResources), cpu before memory.
  if (a.cpu !== undefined && resources.includes('cpu')) out.cpu = cpuQuantity(a.cpu);
  if (a.memory !== undefined && resources.includes('memory')) out.memory = memoryQuantity(a.memory);
  return out;
}

/** The comparable amount of a quantity of `resource`: millicores for cpu, units for the rest. */
export function amountOf(resource: string, q: unknown): number {
  return resource === 'cpu' ? milliValue(q) : unitValue(q);
}

export function quantityOf(resource: string, amount: number): string {
  return resource === 'cpu' ? cpuQuantity(amount) : memoryQuantity(amount);
}
