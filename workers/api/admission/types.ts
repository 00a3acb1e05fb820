/**
 * The admission contract: what a plugin sees of one request and what it may
 * answer. Mirrors k8s.io/apiserver/pkg/admission (Attributes, MutationInterface,
 * ValidationInterface) in the shape the API server here needs.
 */
import type { KubeObject } from '../object';
import type { StrategyContext } from '../kinds/types';
import type { Status } from '../status';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: AdmissionOperation;
  group: string;
  version: string;
  kind: string;
  /** plural resource, e.g. `pods` */
  resource: string;
  subresource?: string;
  namespace?: string;
  /** The name from the request; '' on create with generateName. */
  name: string;
  /** Mutating plugins change this object in place. */
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
  /** Current objects (get/list) and virtual now. */
  ctx: StrategyContext;
  /** Seeded randomness, e.g. the 5-character suffix of `kube-api-access-xxxxx`. */
  rng: { nameSuffix(n: number): string };
}

export type AdmissionResult = { ok: true } | { ok: false; status: Status };

export interface AdmissionPlugin {
  /** Upstream plugin name, e.g. `LimitRanger`. */
  name: string;
  /** Admit: may change `req.object`. */
  mutate?(req: AdmissionRequest): AdmissionResult;
  /** Validate: must not change anything. */
  validate?(req: AdmissionRequest): AdmissionResult;
}

export const ADMIT: AdmissionResult = Object.freeze({ ok: true }) as AdmissionResult;
