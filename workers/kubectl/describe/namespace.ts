/** Namespace (with its quotas and limit ranges), ResourceQuota and LimitRange describers (describe.go). */
import type { LimitRange, LimitRangeItem, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import { newQuantity } from '../../api/quantity/quantity';
import { byBytes } from '../../jsonpath/goValue';
import { quantity } from './containers';
import { CORE, getObject, tryListAll, type DescribeContext } from './fetch';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z, sortStrings } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

function quotaScopeHelp(scope: string): string {
  switch (scope) {
    case 'Terminating':
      return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating':
      return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort':
      return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort':
      return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default:
      return '';
  }
}

/** describeLimitRangeSpec: one row per resource named anywhere in an item (Go map order; we sort). */
function describeLimitRangeSpec(items: LimitRangeItem[] | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of items ?? []) {
    const maps = [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].map((m) => (m ?? {}) as Record<string, unknown>);
    const names = sortStrings([...new Set(maps.flatMap((m) => Object.keys(m)))]);
    for (const k of names) {
      const v = (m: Record<string, unknown>) => (k in m ? quantity(m[k]).toString() : '-');
      const [max, min, def, defReq, ratio] = maps.map(v);
      w.write(LEVEL_0, `${prefix}${item.type}\t${k}\t${min}\t${max}\t${defReq}\t${def}\t${ratio}\n`);
    }
  }
}

function describeLimitRanges(list: LimitRange[], w: PrefixWriter): void {
  if (list.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of list) describeLimitRangeSpec(lr.spec?.limits, ' ', w);
}

function describeResourceQuotas(list: ResourceQuota[], w: PrefixWriter): void {
  if (list.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted = [...list].sort((a, b) => byBytes(a.metadata?.name ?? '', b.metadata?.name ?? ''));
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = sortStrings(q.spec?.scopes ?? []);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = quotaScopeHelp(s);
        if (help) w.write(LEVEL_1, `* ${help}\n`);
      }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = (q.status?.hard ?? {}) as Record<string, unknown>;
    const used = (q.status?.used ?? {}) as Record<string, unknown>;
    for (const r of sortStrings(Object.keys(hard))) w.write(LEVEL_1, `${r}\t${quantity(used[r]).toString()}\t${quantity(hard[r]).toString()}\n`);
  }
}

export async function describeNamespace(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const ns = (await getObject(ctx, CORE('namespaces'), undefined, name)) as unknown as Namespace;
  const quotas = await tryListAll(ctx, CORE('resourcequotas'), name);
  if ('error' in quotas && quotas.status !== 404) throw quotas.error;
  const limits = await tryListAll(ctx, CORE('limitranges'), name);
  if ('error' in limits && limits.status !== 404) throw limits.error;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if ((ns.status?.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status!.conditions!) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if ('items' in quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas.items as unknown as ResourceQuota[], w);
    }
    if ('items' in limits) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limits.items as unknown as LimitRange[], w);
    }
  });
}

export async function describeResourceQuota(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const q = (await getObject(ctx, CORE('resourcequotas'), namespace, name)) as unknown as ResourceQuota;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
    const scopes = sortStrings(q.spec?.scopes ?? []);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = quotaScopeHelp(s);
        if (help) w.write(LEVEL_0, ` * ${help}\n`);
      }
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = (q.status?.hard ?? {}) as Record<string, unknown>;
    const used = (q.status?.used ?? {}) as Record<string, unknown>;
    for (const r of sortStrings(Object.keys(hard))) {
      const h = quantity(hard[r]);
      let u = quantity(used[r]);
      // A used value in another format is re-expressed in the hard value's format.
      if (u.format !== h.format) u = newQuantity(u.valueBig(), h.format);
      w.write(LEVEL_0, `${r}\t${u.toString()}\t${h.toString()}\n`);
    }
  });
}

export async function describeLimitRange(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const lr = (await getObject(ctx, CORE('limitranges'), namespace, name)) as unknown as LimitRange;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec?.limits, '', w);
  });
}
