/**
 * Where items end up when strategic merge patch merges a list: items named in
 * the patch (or in `$setElementOrder`) keep the patch's relative order,
 * server-only items keep the live order, and the two are interleaved by the
 * live order where both are known. An item the live list does not know goes
 * before the server-only items still waiting, which is why a new container
 * patched in without `$setElementOrder` lands first.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
 * (normalizeElementOrder, mergeSortedSlice, normalizeSliceOrder, index).
 */
import { hasKey, isJsonMap } from './json';
import { goStableSort } from './goStableSort';
import { badArgType, fail, noMergeKey } from './smpErrors';

/** Go `==` on two interface{} values holding decoded JSON scalars. */
export const scalarEqual = (a: unknown, b: unknown): boolean =>
  a === b && (a === null || typeof a !== 'object');

/** Position of `item` in `list`, matching maps by merge key value and scalars by value. */
function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, isMap: boolean): number {
  const key = (v: unknown): unknown => (isMap ? (isJsonMap(v) ? (v[mergeKey] ?? null) : null) : v);
  const wanted = key(item);
  for (let i = 0; i < list.length; i++) {
    const k = key(list[i]);
    // Go compares interface{} values; maps as merge keys would panic upstream, here they never match.
    if (k === wanted && (k === null || typeof k !== 'object')) return i;
  }
  return -1;
}

export function validateMergeKeyInLists(mergeKey: string, ...lists: readonly unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonMap(item)) fail(badArgType('map[string]interface {}', item));
      if (!hasKey(item, mergeKey)) fail(noMergeKey(item, mergeKey));
    }
  }
}

/** Splits `$patch: delete` items from the rest (extractToDeleteItems). */
export function extractToDeleteItems(list: readonly unknown[]): { keep: unknown[]; toDelete: unknown[] } {
  const keep: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of list) {
    if (!isJsonMap(v)) fail(badArgType('map[string]interface {}', v));
    if (v.$patch === 'delete') toDelete.push(v);
    else keep.push(v);
  }
  return { keep, toDelete };
}

function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, isMap: boolean): unknown[] {
  let items = toSort.slice();
  let toDelete: unknown[] = [];
  if (isMap) {
    validateMergeKeyInLists(mergeKey, items, order as unknown[]);
    ({ keep: items, toDelete } = extractToDeleteItems(items));
  }
  goStableSort(items, (a, b) => {
    const ia = indexIn(order, a, mergeKey, isMap);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey, isMap);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return items.concat(toDelete);
}

function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, isMap: boolean): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, isMap);
      const ri = indexIn(serverOrder, right[j], mergeKey, isMap);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Orders patch items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const patchSorted = normalizeSliceOrder(patchItems, patchOrder, mergeKey, isMap);
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, isMap);
}

export function partitionPrimitives(list: readonly unknown[], by: readonly unknown[]): { inList: unknown[]; rest: unknown[] } {
  const inList: unknown[] = [];
  const rest: unknown[] = [];
  for (const v of list) (by.some((b) => scalarEqual(b, v)) ? inList : rest).push(v);
  return { inList, rest };
}

/** findMapInSliceBasedOnKeyValue: index of the first map whose merge key equals `value`. */
export function findByMergeKey(list: readonly unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isJsonMap(v)) fail({ type: 'Other', message: `value for key ${i} is not a map` });
    if (hasKey(v, mergeKey) && scalarEqual(v[mergeKey], value)) return i;
  }
  return -1;
}

export function partitionMaps(list: readonly unknown[], by: readonly unknown[], mergeKey: string): { inList: unknown[]; rest: unknown[] } {
  const inList: unknown[] = [];
  const rest: unknown[] = [];
  for (const v of list) {
    if (!isJsonMap(v)) fail(badArgType('map[string]interface {}', v));
    if (!hasKey(v, mergeKey)) fail(noMergeKey(v, mergeKey));
    (findByMergeKey(by, mergeKey, v[mergeKey]) >= 0 ? inList : rest).push(v);
  }
  return { inList, rest };
}

/** deduplicateScalars, including its habit of moving the last item into a duplicate's slot. */
export function deduplicateScalars(input: readonly unknown[]): unknown[] {
  const s = input.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (scalarEqual(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
