import { describe, expect, it } from 'vitest';
import { DECISIONS_KEPT, DecisionLog, type Decision } from './decisions';
import { NodeToStatus } from './nodeToStatus';
import type { Scored } from './algorithm';
import { node } from './testing/fixtures';
import type { NodeInfo } from './nodeInfo';

const nodes = (...names: string[]) => names.map((name) => node({ name }));

/** Scores as runScorePlugins leaves them: byPlugin[n * k + p], totals the sums. */
function scored(on: NodeInfo[], plugins: string[], rows: number[][], totals?: number[]): Scored {
  const k = plugins.length;
  const byPlugin = new Int32Array(on.length * k);
  rows.forEach((r, i) => r.forEach((v, j) => (byPlugin[i * k + j] = v)));
  const t = Int32Array.from(totals ?? rows.map((r) => r.reduce((a, b) => a + b, 0)));
  const uniform = plugins.map((_, j) => rows.every((r) => r[j] === rows[0][j]));
  return { nodes: on, scores: { plugins, byPlugin, totals: t, exact: !totals, uniform } };
}

/** The expansion the log must reproduce: every verdict and score, as recorded. */
function expected(chosen: string | undefined, statuses: NodeToStatus, all: NodeInfo[], s?: Scored): Decision {
  const filtered: Decision['filtered'] = [];
  for (const [n, st] of statuses.map) for (const reason of st.reasons) filtered.push({ node: n, plugin: st.plugin ?? '', reason });
  if (statuses.absent.reasons.length) {
    for (const n of all) if (!statuses.map.has(n.name)) for (const reason of statuses.absent.reasons) filtered.push({ node: n.name, plugin: statuses.absent.plugin ?? '', reason });
  }
  const scores: Decision['scores'] = [];
  if (s) {
    const k = s.scores.plugins.length;
    s.nodes.forEach((n, i) => {
      const byPlugin: Record<string, number> = {};
      s.scores.plugins.forEach((p, j) => (byPlugin[p] = s.scores.byPlugin[i * k + j]));
      scores.push({ node: n.name, total: s.scores.totals[i], byPlugin });
    });
  }
  const d: Decision = { filtered, scores };
  if (chosen) d.node = chosen;
  return d;
}

describe('DecisionLog', () => {
  const all = nodes('a', 'b', 'c', 'd');
  const plugins = ['TaintToleration', 'NodeResourcesFit', 'PodTopologySpread'];

  it('gives back constant, small, wide and negative scores exactly', () => {
    const log = new DecisionLog();
    const cases: number[][][] = [
      [[300, 10, 0], [300, 20, 0], [300, 30, 0], [300, 40, 0]], // one varying column, bytes
      [[300, 10, 200], [300, 20, 100], [300, 10, 50], [300, 90, 0]], // two varying columns
      [[1, 70000, 5], [1, 3, 5], [1, 65535, 5], [1, 0, 5]], // beyond 16 bits
      [[-3, 2, 0], [4, 2, 0], [-300, 2, 0], [0, 2, 0]], // negative (a negative weight)
      [[255, 256, 65535], [0, 65535, 256], [7, 7, 7], [65535, 0, 1]], // the edges of the char-code range
    ];
    cases.forEach((rows, i) => {
      const st = new NodeToStatus();
      const s = scored(all, plugins, rows);
      log.record(`ns/p${i}`, 'b', st, all, s);
      expect(log.get(`ns/p${i}`)).toEqual(expected('b', st, all, s));
    });
    // Earlier records are unaffected by later ones sharing arrays.
    expect(log.get('ns/p0')!.scores.map((x) => x.byPlugin.NodeResourcesFit)).toEqual([10, 20, 30, 40]);
  });

  it('keeps totals that are not the sum of the stored scores', () => {
    const log = new DecisionLog();
    const s = scored(nodes('a', 'b'), ['X'], [[1], [2]], [7, 8]);
    log.record('ns/p', 'a', new NodeToStatus(), all, s);
    expect(log.get('ns/p')!.scores.map((x) => x.total)).toEqual([7, 8]);
  });

  it('lists filter verdicts with their plugins, absent nodes after explicit ones', () => {
    const log = new DecisionLog();
    const st = new NodeToStatus({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"], plugin: 'NodeAffinity' });
    st.set('c', { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'], plugin: 'NodeResourcesFit' });
    st.set('a', { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {x: }'] });
    log.record('ns/p', undefined, st, all);
    const d = log.get('ns/p')!;
    expect(d).toEqual(expected(undefined, st, all));
    expect(d.filtered.map((f) => `${f.node} ${f.plugin}`)).toEqual(['c NodeResourcesFit', 'c NodeResourcesFit', 'a ', 'b NodeAffinity', 'd NodeAffinity']);
    expect(d.node).toBeUndefined();
    expect(d.scores).toEqual([]);
  });

  it('records with nothing filtered and a single feasible node expand to empty lists', () => {
    const log = new DecisionLog();
    log.record('ns/p', 'a', new NodeToStatus(), all);
    expect(log.get('ns/p')).toEqual({ node: 'a', filtered: [], scores: [] });
    expect(log.get('ns/other')).toBeUndefined();
  });

  it('shares arrays between records that are alike, and not between those that differ', () => {
    const log = new DecisionLog();
    const st = () => {
      const s = new NodeToStatus();
      s.set('a', { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${'x'}: }`], plugin: 'TaintToleration' });
      return s;
    };
    const rest = all.slice(1);
    log.record('ns/1', 'b', st(), all, scored(rest, plugins, [[300, 1, 0], [300, 2, 0], [300, 3, 0]]));
    log.record('ns/2', 'c', st(), all, scored(rest, plugins, [[300, 4, 0], [300, 5, 0], [300, 6, 0]]));
    // Other nodes in another order, another constant.
    const other = [all[3], all[1]];
    log.record('ns/3', 'd', new NodeToStatus(), all, scored(other, plugins, [[100, 1, 0], [100, 9, 0]]));
    expect(log.get('ns/1')).toEqual(expected('b', st(), all, scored(rest, plugins, [[300, 1, 0], [300, 2, 0], [300, 3, 0]])));
    expect(log.get('ns/2')).toEqual(expected('c', st(), all, scored(rest, plugins, [[300, 4, 0], [300, 5, 0], [300, 6, 0]])));
    expect(log.get('ns/3')).toEqual(expected('d', new NodeToStatus(), all, scored(other, plugins, [[100, 1, 0], [100, 9, 0]])));
  });

  it('expands nodes scored in a rotated order (Filter resuming where it stopped) in that order', () => {
    const log = new DecisionLog();
    const orders = [all, [...all.slice(2), ...all.slice(0, 2)], [...all.slice(3), ...all.slice(0, 3)], [all[1], all[0], all[2], all[3]], all.slice(1)];
    orders.forEach((on, i) => {
      const rows = on.map((_, r) => [300, r * 10 + i, 0]);
      const s = scored(on, plugins, rows);
      log.record(`ns/r${i}`, on[0].name, new NodeToStatus(), all, s);
    });
    orders.forEach((on, i) => {
      const s = scored(on, plugins, on.map((_, r) => [300, r * 10 + i, 0]));
      expect(log.get(`ns/r${i}`)).toEqual(expected(on[0].name, new NodeToStatus(), all, s));
    });
  });

  it('keeps only the newest pods; a new attempt makes a pod newest; forget drops it', () => {
    const log = new DecisionLog();
    for (let i = 0; i < DECISIONS_KEPT; i++) log.record(`ns/p${i}`, 'a', new NodeToStatus(), all);
    log.record('ns/p0', 'b', new NodeToStatus(), all); // p0 again: now the newest
    log.record('ns/extra', 'a', new NodeToStatus(), all); // evicts p1, the oldest
    expect(log.size).toBe(DECISIONS_KEPT);
    expect(log.get('ns/p0')?.node).toBe('b');
    expect(log.get('ns/p1')).toBeUndefined();
    expect(log.get('ns/p2')?.node).toBe('a');
    log.forget('ns/p2');
    expect(log.get('ns/p2')).toBeUndefined();
    expect(log.size).toBe(DECISIONS_KEPT - 1);
  });

  it('stores many scored nodes in one string without overflowing a call', () => {
    const log = new DecisionLog();
    const many = Array.from({ length: 5000 }, (_, i) => node({ name: `n${i}` }));
    const rows = many.map((_, i) => [i % 101, 300, (i * 7) % 201]);
    const s = scored(many, plugins, rows);
    log.record('ns/big', 'n1', new NodeToStatus(), many, s);
    expect(log.get('ns/big')).toEqual(expected('n1', new NodeToStatus(), many, s));
  });
});
