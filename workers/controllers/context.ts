/**
 * What every control-plane component is given: the clock, the shared
 * informers, an API client acting under the component's identity, event
 * recorders, and the seeded PRNG. Components act only through the API.
 */
import type { Clock } from '../clock/clock';
import type { Rng } from '../clock/prng';
import type { InformerFactory } from '../client/factory';
import type { EventRecorder } from '../client/events';
import type { ApiRequest, ApiResponse } from '../api/request';

export type ApiCall = (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse;

export interface ComponentContext {
  clock: Clock;
  rng: Rng;
  informers: InformerFactory;
  /** Requests made as `identity` (its user agent and default field manager). */
  client(identity: string): ApiCall;
  /** An event recorder whose `source.component` is `component` (and `source.host` for node agents). */
  recorder(component: string, host?: string): EventRecorder;
}
