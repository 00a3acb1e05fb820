/**
 * An in-memory iptables: tables of chains of rules, each rule a list of
 * matches in the order iptables-save prints them, and a target. Rules keep
 * enough structure to be evaluated against a packet (evaluate.ts) and are
 * rendered exactly as `iptables-save` would print them (render.ts).
 */
import type { Proto } from './chainNames';

export type Match =
  | { kind: 'src'; cidr: string; negate?: boolean }
  | { kind: 'dst'; cidr: string; negate?: boolean }
  | { kind: 'proto'; proto: Proto }
  | { kind: 'comment'; text: string }
  /** `-m tcp [--dport N]` */
  | { kind: 'port'; proto: Proto; dport?: number }
  | { kind: 'addrtype'; src?: 'LOCAL'; dst?: 'LOCAL' }
  /** `-m statistic --mode random --probability p` with p as kube-proxy wrote it. */
  | { kind: 'statistic'; probability: string }
  | { kind: 'recent'; mode: 'set'; name: string }
  | { kind: 'recent'; mode: 'rcheck'; name: string; seconds: number }
  | { kind: 'mark'; mark: string; negate?: boolean }
  /** Matches whose semantics the playground does not evaluate (conntrack state): always true. */
  | { kind: 'raw'; text: string };

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'DNAT'; to: string }
  | { kind: 'REJECT' }
  | { kind: 'DROP' }
  | { kind: 'ACCEPT' }
  | { kind: 'RETURN' }
  /** A rule with no target: it only counts packets (the KUBE-FW-… catch-all comment). */
  | { kind: 'none' }
  | { kind: 'MASQUERADE' }
  | { kind: 'MARK'; set: string };

export interface Rule {
  chain: string;
  matches: Match[];
  target: Target;
}

export interface Table {
  name: 'filter' | 'nat';
  /** Chain names in the order they are declared, built-ins first. */
  chains: string[];
  rules: Rule[];
}

export interface RuleSet {
  filter: Table;
  nat: Table;
  /** Rules of each chain of the nat table, for evaluation. */
  natChains: Map<string, Rule[]>;
  filterChains: Map<string, Rule[]>;
}

export const BUILTIN_CHAINS: Record<Table['name'], string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

export function indexChains(t: Table): Map<string, Rule[]> {
  const m = new Map<string, Rule[]>();
  for (const c of t.chains) m.set(c, []);
  for (const r of t.rules) {
    let list = m.get(r.chain);
    if (!list) m.set(r.chain, (list = []));
    list.push(r);
  }
  return m;
}
