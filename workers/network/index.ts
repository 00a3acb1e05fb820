export { startNetwork, Network, type NetworkDeps, type LookupResult } from './network';
export type { Trace, Hop, HopKind, Outcome } from './trace';
