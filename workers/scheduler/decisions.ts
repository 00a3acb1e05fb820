/**
 * The most recent scheduling attempt per pod, kept for the UI to explain
 * ("why is web-1 on worker-2?"): which plugin turned each node down, and
 * how each feasible node scored. Only the newest DECISIONS_KEPT pods are
 * remembered, each compactly (a few hundred bytes with 100 nodes), and
 * expanded into a Decision on request:
 * - the scored nodes are the attempt's own array of NodeInfos (names are
 *   read when expanding: a NodeInfo's name never changes), shared by the
 *   records after it that scored the same nodes in the same cyclic order
 *   (Filter starts where the last attempt stopped, so with 100 nodes each
 *   attempt scores the same nodes rotated): a record keeps where it starts;
 * - a plugin that gave every node the same score keeps one number, the
 *   others one character per node: a string of char codes is the most
 *   compact immutable array V8 has (one byte per score up to 255, two up
 *   to 65535; a typed array costs ~200 bytes before its first element);
 * - filter verdicts are flat (node, plugin, reason) triples, with reasons
 *   drawn from a small table so that repeated messages are stored once;
 * - each of these arrays is shared with the previous record when equal
 *   (the same nodes filtered for the same reasons, the same constant scores).
 */
import type { Scored } from './algorithm';
import type { NodeInfo } from './nodeInfo';
import type { NodeToStatus } from './nodeToStatus';

export const DECISIONS_KEPT = 2000;

export interface FilteredNode {
  node: string;
  plugin: string;
  reason: string;
}

export interface NodeScore {
  node: string;
  total: number;
  byPlugin: Record<string, number>;
}

export interface Decision {
  /** The chosen node, when the attempt found one. */
  node?: string;
  filtered: FilteredNode[];
  scores: NodeScore[];
}

/** Scores as char codes when all lie in 0..0xffff, else (negative weights) as Int32. */
type Columns = string | Int32Array;

interface CompactScores {
  /** The scored nodes, in scoring order: nodes[(offset + i) % nodes.length] is the i-th. */
  nodes: readonly NodeInfo[];
  offset: number;
  plugins: readonly string[];
  /** Per plugin: the weighted score every node got, or null when it varies (then it is a column of `varying`). */
  shared: readonly (number | null)[];
  /** The varying plugins' weighted scores, plugin after plugin, one per node. */
  varying: Columns | null;
  /** Totals, only when one is not the sum of its node's scores (a plugin gave a fraction). */
  totals: Int32Array | null;
}

interface Stored {
  node: string | undefined;
  /** node, plugin, reason, node, plugin, reason, … in the order Decision.filtered lists them. */
  filtered: readonly string[];
  scores: CompactScores | null;
}

const NONE: readonly string[] = [];

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function at(c: Columns, i: number): number {
  return typeof c === 'string' ? c.charCodeAt(i) : c[i];
}

/** Values in 0..0xffff as one string, in chunks so no call gets too many arguments (apply, not a spread: ten times faster). */
function charCodes(values: number[]): string {
  const CHUNK = 4096;
  if (values.length <= CHUNK) return String.fromCharCode.apply(null, values);
  let s = '';
  for (let i = 0; i < values.length; i += CHUNK) s += String.fromCharCode.apply(null, values.slice(i, i + CHUNK));
  return s;
}

/** Distinct reason strings kept for sharing; the table starts afresh beyond this. */
const REASONS_KEPT = 256;

export class DecisionLog {
  private byPod = new Map<string, Stored>();
  /** The arrays of the last record, shared by the next when equal. */
  private lastNodes: readonly NodeInfo[] = [];
  private lastPlugins: readonly string[] = NONE;
  private lastShared: readonly (number | null)[] = [];
  private lastFiltered: readonly string[] = NONE;
  private reasons = new Map<string, string>();

  /**
   * Remember an attempt: the chosen node, the filter verdicts (`allNodes` gives
   * the nodes sharing the absent status) and, when it scored, the scores.
   */
  record(key: string, node: string | undefined, statuses: NodeToStatus, allNodes: readonly NodeInfo[], scored?: Scored): void {
    const entry: Stored = { node, filtered: this.compactFiltered(statuses, allNodes), scores: scored ? this.compactScores(scored) : null };
    this.byPod.delete(key);
    this.byPod.set(key, entry);
    if (this.byPod.size > DECISIONS_KEPT) this.byPod.delete(this.byPod.keys().next().value!);
  }

  forget(key: string): void {
    this.byPod.delete(key);
  }

  get size(): number {
    return this.byPod.size;
  }

  get(key: string): Decision | undefined {
    const s = this.byPod.get(key);
    if (!s) return undefined;
    const filtered: FilteredNode[] = [];
    const f = s.filtered;
    for (let i = 0; i < f.length; i += 3) filtered.push({ node: f[i], plugin: f[i + 1], reason: f[i + 2] });
    const scores: NodeScore[] = [];
    if (s.scores) {
      const { nodes, offset, plugins, shared, varying, totals } = s.scores;
      const n = nodes.length;
      for (let i = 0; i < n; i++) {
        const node = nodes[(offset + i) % n].name;
        const by: Record<string, number> = {};
        let total = 0;
        let col = 0;
        plugins.forEach((p, j) => {
          const v = shared[j] ?? at(varying!, col++ * n + i);
          by[p] = v;
          total += v;
        });
        scores.push({ node, total: totals ? totals[i] : total, byPlugin: by });
      }
    }
    const d: Decision = { filtered, scores };
    if (s.node) d.node = s.node;
    return d;
  }

  private compactFiltered(statuses: NodeToStatus, allNodes: readonly NodeInfo[]): readonly string[] {
    const absent = statuses.absent;
    if (statuses.map.size === 0 && absent.reasons.length === 0) return NONE;
    // Counted first so the array is allocated at its final size.
    let count = 0;
    for (const st of statuses.map.values()) count += st.reasons.length;
    if (absent.reasons.length) for (const n of allNodes) if (!statuses.map.has(n.name)) count += absent.reasons.length;
    const out = new Array<string>(count * 3);
    let o = 0;
    for (const [node, st] of statuses.map) o = this.put(out, o, node, st.plugin, st.reasons);
    // Nodes without an explicit verdict share the absent one (a PreFilter rejection).
    if (absent.reasons.length) for (const n of allNodes) if (!statuses.map.has(n.name)) o = this.put(out, o, n.name, absent.plugin, absent.reasons);
    if (!sameElements(out, this.lastFiltered)) this.lastFiltered = out;
    return this.lastFiltered;
  }

  /** Writes one (node, plugin, reason) triple per reason from `o`; returns where it stopped. */
  private put(out: string[], o: number, node: string, plugin: string | undefined, reasons: readonly string[]): number {
    for (const r of reasons) {
      out[o++] = node;
      out[o++] = plugin ?? '';
      out[o++] = this.reason(r);
    }
    return o;
  }

  private reason(r: string): string {
    const known = this.reasons.get(r);
    if (known !== undefined) return known;
    if (this.reasons.size >= REASONS_KEPT) this.reasons.clear();
    this.reasons.set(r, r);
    return r;
  }

  private compactScores({ nodes, scores }: Scored): CompactScores {
    const n = nodes.length;
    const k = scores.plugins.length;
    const byPlugin = scores.byPlugin;
    const shared = new Array<number | null>(k);
    let varyingCount = 0;
    for (let j = 0; j < k; j++) {
      if (scores.uniform[j] && n > 0) shared[j] = byPlugin[j];
      else {
        shared[j] = null;
        varyingCount++;
      }
    }
    let varying: Columns | null = null;
    if (varyingCount) {
      const values = new Array<number>(varyingCount * n);
      let inRange = true;
      let o = 0;
      for (let j = 0; j < k; j++) {
        if (shared[j] !== null) continue;
        for (let i = 0; i < n; i++) {
          const v = byPlugin[i * k + j];
          if (v < 0 || v > 0xffff) inRange = false;
          values[o++] = v;
        }
      }
      varying = inRange ? charCodes(values) : Int32Array.from(values);
    }
    // A fractional weighted score makes a total differ from the sum of the stored (Int32) scores: keep those.
    const totals = scores.exact ? null : scores.totals.slice();
    if (!sameElements(shared, this.lastShared)) this.lastShared = shared;
    const offset = this.rotationOfLast(nodes);
    // The attempt's array is not changed after scoring: keep it rather than copy it.
    if (offset < 0) this.lastNodes = nodes;
    return { nodes: this.lastNodes, offset: Math.max(offset, 0), plugins: this.sharedPlugins(scores.plugins), shared: this.lastShared, varying, totals };
  }

  /** Where `nodes` starts in the last scored array if it holds the same nodes rotated, else -1. */
  private rotationOfLast(nodes: readonly NodeInfo[]): number {
    const last = this.lastNodes;
    const n = last.length;
    if (n === 0 || n !== nodes.length) return -1;
    const offset = last.indexOf(nodes[0]);
    if (offset < 0) return -1;
    for (let i = 1; i < n; i++) if (last[(offset + i) % n] !== nodes[i]) return -1;
    return offset;
  }

  private sharedPlugins(plugins: readonly string[]): readonly string[] {
    if (!sameElements(plugins, this.lastPlugins)) this.lastPlugins = [...plugins];
    return this.lastPlugins;
  }
}
