/**
 * structured-merge-diff's typed.Merge with the keep-right-hand-side rule:
 * the applied configuration's leaves win, granular maps and associative
 * lists are merged item by item, atomic values are replaced. Nothing is
 * removed here; pruning is a separate step.
 */
import { clone } from '../object';
import { serializePE, type PathElement } from './pathElement';
import { fieldSchema, isAtomicMap, isMap, itemSchema, listItemPE, listSemantics, type Schema } from './schemaInfo';

/** Merges `rhs` into `lhs`; `undefined` = absent. Returns undefined when nothing remains. */
export function merge(lhs: unknown, rhs: unknown, schema: Schema): unknown {
  if (rhs === undefined) return clone(lhs);
  if (lhs === undefined) return clone(rhs);
  const isList = (v: unknown) => Array.isArray(v) || (v === null && schema?.kind === 'list');
  const isObj = (v: unknown) => isMap(v) || (v === null && !!schema && (schema.kind === 'object' || schema.kind === 'map'));
  const empty = (v: unknown) => v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);

  if (isList(lhs) && isList(rhs)) {
    if (listSemantics(schema).type === 'atomic' || (empty(lhs) && empty(rhs))) return clone(rhs);
    return mergeList(Array.isArray(lhs) ? lhs : [], Array.isArray(rhs) ? rhs : [], schema);
  }
  if (isObj(lhs) && isObj(rhs)) {
    if (isAtomicMap(schema) || (empty(lhs) && empty(rhs))) return clone(rhs);
    const l = isMap(lhs) ? lhs : {};
    const r = isMap(rhs) ? rhs : {};
    const out: Record<string, unknown> = {};
    // Live key order first, then new keys in the order the configuration lists them.
    for (const k of Object.keys(l)) {
      const m = merge(l[k], r[k], fieldSchema(schema, k));
      if (m !== undefined) out[k] = m;
    }
    for (const k of Object.keys(r)) {
      if (k in l) continue;
      const m = merge(undefined, r[k], fieldSchema(schema, k));
      if (m !== undefined) out[k] = m;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return clone(rhs);
}

/**
 * Mirrors typed/merge.go visitListItems: items keep the live order, items the
 * configuration adds are placed where the configuration puts them relative
 * to the items both share.
 */
function mergeList(lhs: unknown[], rhs: unknown[], s: Schema): unknown[] | undefined {
  const sem = listSemantics(s);
  const itemS = itemSchema(s);
  const index = (items: unknown[], allowDuplicates: boolean) => {
    const pes: PathElement[] = [];
    const at: number[] = [];
    const observed = new Map<string, unknown>();
    items.forEach((item, i) => {
      const pe = listItemPE(sem, item);
      if (pe instanceof Error) return;
      const k = serializePE(pe);
      if (observed.has(k)) {
        if (!allowDuplicates) return;
        // A duplicated live item is not merged with the configuration's.
        observed.set(k, null);
      } else observed.set(k, item);
      pes.push(pe);
      at.push(i);
    });
    return { pes, at, observed };
  };
  const R = index(rhs, false);
  const L = index(lhs, true);
  const key = serializePE;
  const shared = R.pes.filter((pe) => L.observed.has(key(pe)));
  let nextShared: string | undefined = shared.length ? key(shared.shift()!) : undefined;
  const advance = () => {
    nextShared = shared.length ? key(shared.shift()!) : undefined;
  };
  const mergedR = new Set<string>();
  const out: unknown[] = [];
  const push = (m: unknown) => {
    if (m !== undefined) out.push(m);
  };
  let li = 0;
  let ri = 0;
  while (li < L.pes.length || ri < R.pes.length) {
    if (li < L.pes.length && ri < R.pes.length) {
      const lk = key(L.pes[li]);
      if (lk === key(R.pes[ri])) {
        mergedR.add(lk);
        push(merge(L.observed.get(lk), R.observed.get(lk), itemS));
        li++;
        ri++;
        advance();
        continue;
      }
      if (R.observed.has(lk) && nextShared !== undefined && nextShared !== lk) {
        li++;
        continue;
      }
    }
    if (li < L.pes.length) {
      const lk = key(L.pes[li]);
      if (!R.observed.has(lk)) {
        push(merge(lhs[L.at[li]], undefined, itemS));
        li++;
        continue;
      } else if (mergedR.has(lk)) li++;
    }
    if (ri < R.pes.length) {
      const rk = key(R.pes[ri]);
      mergedR.add(rk);
      push(merge(L.observed.has(rk) ? L.observed.get(rk) : undefined, R.observed.get(rk), itemS));
      ri++;
      if (nextShared === rk) advance();
    }
  }
  return out.length ? out : undefined;
}
