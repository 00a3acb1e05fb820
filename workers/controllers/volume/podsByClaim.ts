/**
 * The pods informer indexed by the claims their volumes name (upstream's
 * `pvc` pod indexer, pkg/controller/volume/common.PodPVCIndexFunc), so a
 * claim's users are found without scanning every pod.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { keyOf, type Informer } from '../../client/informer';
import { podClaimNames } from './util';

export class PodsByClaim {
  private readonly byClaim = new Map<string, Set<string>>();
  private readonly claimsOf = new Map<string, string[]>();

  constructor(
    private readonly pods: Informer<KubeObject>,
    /** Called with the claim keys (`ns/name`) of a pod that was added, changed or deleted. */
    onChange?: (claimKeys: readonly string[], pod: Pod & KubeObject) => void,
  ) {
    const index = (p: KubeObject, deleted: boolean) => {
      const pod = p as Pod & KubeObject;
      const key = keyOf(p);
      const before = this.claimsOf.get(key);
      // Most pods mount no claim: leave them without allocating.
      if (!before && (deleted || !pod.spec?.volumes?.some((v) => v.persistentVolumeClaim || v.ephemeral))) return;
      const names = deleted ? [] : podClaimNames(pod);
      const now = names.map((n) => `${p.metadata.namespace}/${n}`);
      for (const c of before ?? []) this.byClaim.get(c)?.delete(key);
      for (const c of now) {
        let s = this.byClaim.get(c);
        if (!s) this.byClaim.set(c, (s = new Set()));
        s.add(key);
      }
      if (now.length) this.claimsOf.set(key, now);
      else this.claimsOf.delete(key);
      onChange?.([...new Set([...(before ?? []), ...now])], pod);
    };
    pods.addEventHandler({ add: (p) => index(p, false), update: (_o, p) => index(p, false), delete: (p) => index(p, true) });
  }

  /** The cached pods whose volumes name claim `ns/name`. */
  podsFor(claimKey: string): (Pod & KubeObject)[] {
    const out: (Pod & KubeObject)[] = [];
    for (const k of this.byClaim.get(claimKey) ?? []) {
      const p = this.pods.getByKey(k);
      if (p) out.push(p as Pod & KubeObject);
    }
    return out;
  }
}
