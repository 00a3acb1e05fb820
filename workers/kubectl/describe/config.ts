/** ConfigMap, Secret and ServiceAccount describers (describe.go). */
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { describeEvents, refOf, searchEvents } from './events';
import { CORE, getObject, tryListAll, type DescribeContext } from './fetch';
import { printAnnotationsMultiline, printLabelsMultiline, sortStrings } from './format';
import { LEVEL_0, tabbedString } from './prefixWriter';

/** Bytes of a base64 value, as len([]byte) after decoding. */
function decodedLength(b64: string): number {
  const clean = b64.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

function decodeBase64(b64: string): string {
  try {
    const bin = atob(b64);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export async function describeConfigMap(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('configmaps'), namespace, name);
  const cm = obj as unknown as ConfigMap;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'ConfigMap')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // Go ranges over the map in random order; sorted keys keep the output stable.
    for (const k of sortStrings(Object.keys(cm.data ?? {}))) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortStrings(Object.keys(cm.binaryData ?? {}))) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeSecret(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const s = (await getObject(ctx, CORE('secrets'), namespace, name)) as unknown as Secret;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${s.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${s.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', s.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', s.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortStrings(Object.keys(s.data ?? {}))) {
      const v = s.data![k];
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64(v)}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(v)} bytes\n`);
    }
  });
}

export async function describeServiceAccount(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('serviceaccounts'), namespace, name);
  const sa = obj as unknown as ServiceAccount;
  const tokens: string[] = [];
  const missing = new Set<string>();
  const secrets = await tryListAll(ctx, CORE('secrets'), namespace);
  if ('items' in secrets) {
    const existing = new Set<string>();
    for (const s of secrets.items as unknown as Secret[]) {
      if (s.type === 'kubernetes.io/service-account-token') {
        const a = s.metadata?.annotations ?? {};
        if (a['kubernetes.io/service-account.name'] === sa.metadata?.name && a['kubernetes.io/service-account.uid'] === sa.metadata?.uid) tokens.push(s.metadata?.name ?? '');
      }
      existing.add(s.metadata?.name ?? '');
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(s.name ?? '')) missing.add(s.name ?? '');
  }
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'ServiceAccount')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const empty = '                   ';
    // The three headers in sorted order, as sets.StringKeySet(...).List() yields them.
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, missing.has(n) ? `${prefix}\t${n} (not found)\n` : `${prefix}\t${n}\n`);
        prefix = empty;
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
