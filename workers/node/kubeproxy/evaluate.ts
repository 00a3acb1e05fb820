/**
 * A packet's walk through one node's netfilter as kube-proxy programmed it:
 * nat KUBE-SERVICES (from PREROUTING or OUTPUT) with its jumps, random
 * `statistic` matches and `recent` affinity lists, then, when nothing
 * DNATed it, the filter chains that REJECT or DROP service traffic.
 */
import { cidrContains } from '../../network/ip';
import type { Proto } from './chainNames';
import type { Match, Rule, RuleSet } from './iptables';
import { renderRule } from './render';
import { statisticMatches } from './probability';

export interface Packet {
  src: string;
  dst: string;
  proto: Proto;
  dport: number;
}

/** `-m recent` lists of one node: list name → source IP → last `--set` (virtual ms). */
export type RecentLists = Map<string, Map<string, number>>;

export interface NodeNetfilter {
  rules: RuleSet;
  /** Addresses of this node (`addrtype LOCAL`). */
  isLocal(ip: string): boolean;
  recent: RecentLists;
  now: number;
  random(): number;
}

export interface MatchedRule {
  table: 'nat' | 'filter';
  chain: string;
  rule: string;
}

export type Verdict =
  | { kind: 'dnat'; ip: string; port: number; masquerade: boolean; matched: MatchedRule[] }
  | { kind: 'accept'; matched: MatchedRule[] }
  | { kind: 'reject' | 'drop'; matched: MatchedRule[] };

const MAX_DEPTH = 16;

interface WalkState {
  masq: boolean;
  matched: MatchedRule[];
  dnat?: string;
}

function matches(m: Match, p: Packet, nf: NodeNetfilter): boolean {
  switch (m.kind) {
    case 'src':
      return cidrContains(m.cidr, p.src) !== !!m.negate;
    case 'dst':
      return cidrContains(m.cidr, p.dst) !== !!m.negate;
    case 'proto':
      return m.proto === p.proto;
    case 'port':
      return m.proto === p.proto && (m.dport === undefined || m.dport === p.dport);
    case 'addrtype':
      return (!m.src || nf.isLocal(p.src)) && (!m.dst || nf.isLocal(p.dst));
    case 'statistic':
      return statisticMatches(m.probability, nf.random());
    case 'recent': {
      if (m.mode === 'set') return true;
      const seen = nf.recent.get(m.name)?.get(p.src);
      return seen !== undefined && nf.now - seen <= m.seconds * 1000;
    }
    case 'mark':
    case 'comment':
    case 'raw':
      return true;
  }
}

/** Walk a chain; returns true when a terminal target (DNAT, REJECT, DROP, ACCEPT) decided. */
function walk(table: 'nat' | 'filter', chains: Map<string, Rule[]>, chain: string, p: Packet, nf: NodeNetfilter, st: WalkState, depth: number): 'dnat' | 'reject' | 'drop' | 'accept' | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const r of chains.get(chain) ?? []) {
    // Statistic matches draw only when every earlier match of the rule held, as the kernel evaluates them in order.
    if (!r.matches.every((m) => matches(m, p, nf))) continue;
    const t = r.target;
    if (t.kind === 'none') continue;
    st.matched.push({ table, chain, rule: renderRule(r) });
    switch (t.kind) {
      case 'jump': {
        if (t.chain === 'KUBE-MARK-MASQ') {
          st.masq = true;
          continue;
        }
        const v = walk(table, chains, t.chain, p, nf, st, depth + 1);
        if (v) return v;
        continue;
      }
      case 'MARK':
        st.masq = true;
        continue;
      case 'RETURN':
        return undefined;
      case 'DNAT': {
        for (const m of r.matches) {
          if (m.kind !== 'recent' || m.mode !== 'set') continue;
          let list = nf.recent.get(m.name);
          if (!list) nf.recent.set(m.name, (list = new Map()));
          list.set(p.src, nf.now);
        }
        st.dnat = t.to;
        return 'dnat';
      }
      case 'REJECT':
        return 'reject';
      case 'DROP':
        return 'drop';
      case 'ACCEPT':
        return 'accept';
      case 'MASQUERADE':
        continue;
    }
  }
  return undefined;
}

/** What this node does to a new connection's first packet. */
export function evaluatePacket(nf: NodeNetfilter, p: Packet): Verdict {
  const st: WalkState = { masq: false, matched: [] };
  const nat = walk('nat', nf.rules.natChains, 'KUBE-SERVICES', p, nf, st, 0);
  if (nat === 'dnat' && st.dnat) {
    const i = st.dnat.lastIndexOf(':');
    return { kind: 'dnat', ip: st.dnat.slice(0, i), port: Number(st.dnat.slice(i + 1)), masquerade: st.masq, matched: st.matched };
  }
  const fst: WalkState = { masq: false, matched: st.matched };
  for (const chain of ['KUBE-PROXY-FIREWALL', 'KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES']) {
    const v = walk('filter', nf.rules.filterChains, chain, p, nf, fst, 0);
    if (v === 'reject' || v === 'drop') return { kind: v, matched: fst.matched };
  }
  return { kind: 'accept', matched: st.matched };
}
