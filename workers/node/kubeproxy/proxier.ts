/**
 * One node's kube-proxy in iptables mode: it re-programs the node's rules
 * from the shared service state, never more often than minSyncPeriod (1 s,
 * kubeadm's KubeProxyConfiguration) with a burst of 2, as
 * async.BoundedFrequencyRunner does. Each sync is a clock task of component
 * `kube-proxy/<node>`; the rule tables are built from the synced snapshot
 * when someone looks at them or sends a packet.
 */
import type { Clock, Task } from '../../clock/clock';
import type { RuleSet } from './iptables';
import type { RecentLists } from './evaluate';
import { syncProxyRules, type ProxyNode, type ProxyState } from './syncRules';

export const MIN_SYNC_PERIOD_MS = 1_000;
const BURST = 2;

export class Proxier {
  readonly component: string;
  private programmed?: ProxyState;
  private built?: { state: ProxyState; rules: RuleSet };
  private pending?: Task;
  private tokens = BURST;
  private tokensAt: number;
  /** `-m recent` lists live in the kernel: they survive re-syncs. */
  readonly recent: RecentLists = new Map();
  /** Virtual time of the last sync that wrote rules. */
  lastSyncAt?: number;
  syncs = 0;

  constructor(
    private readonly clock: Clock,
    readonly node: ProxyNode,
    private readonly state: () => ProxyState,
    /** Is the node's kube-proxy process running? When not, rules stay as last written. */
    private readonly running: () => boolean,
  ) {
    this.component = `kube-proxy/${node.name}`;
    this.tokensAt = clock.now();
  }

  /** Ask for a sync (Proxier.Sync → BoundedFrequencyRunner.Run). */
  requestSync(): void {
    if (this.pending) return;
    this.refill();
    const delay = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * MIN_SYNC_PERIOD_MS);
    this.pending = this.clock.schedule(delay, { component: this.component, key: this.node.name, what: 'sync proxy rules' }, () => {
      this.pending = undefined;
      this.sync();
    });
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(BURST, this.tokens + (now - this.tokensAt) / MIN_SYNC_PERIOD_MS);
    this.tokensAt = now;
  }

  private sync(): void {
    if (!this.running()) return;
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    this.programmed = this.state();
    this.lastSyncAt = this.clock.now();
    this.syncs++;
  }

  /** Has this node's kube-proxy written its rules at least once? */
  get synced(): boolean {
    return this.programmed !== undefined;
  }

  /** The node's current rule set; undefined until kube-proxy first wrote it. */
  rules(): RuleSet | undefined {
    const state = this.programmed;
    if (!state) return undefined;
    if (this.built?.state !== state) this.built = { state, rules: syncProxyRules(state, this.node) };
    return this.built.rules;
  }

  stop(): void {
    this.clock.cancel(this.pending);
    this.pending = undefined;
  }
}
