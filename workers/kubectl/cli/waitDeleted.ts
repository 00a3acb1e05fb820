/**
 * Wait until an object is gone (kubectl delete --wait, drain): resolves when
 * a GET answers 404 or a different uid, or a DELETED event arrives; Ctrl+C
 * (the io signal) ends the wait early with `false`.
 */
import type { Ctx } from './command';
import { req } from './common';
import type { ApiResource } from '../discovery/resources';

export async function waitDeleted(ctx: Ctx, r: ApiResource, namespace: string | undefined, name: string, uid: string | undefined): Promise<boolean> {
  const gone = async (): Promise<boolean> => {
    const g = await ctx.client.request(req(r, 'get', { namespace, name }));
    if (g.status === 404) return true;
    const u = (g.body as { metadata?: { uid?: string } }).metadata?.uid;
    return g.status === 200 && uid !== undefined && u !== uid;
  };
  if (await gone()) return true;
  if (ctx.io.signal.aborted) return false;
  return new Promise<boolean>((resolve) => {
    let settled = false;
    let stop: (() => void) | undefined;
    const finish = (v: boolean) => {
      if (settled) return;
      settled = true;
      stop?.();
      resolve(v);
    };
    ctx.io.signal.addEventListener('abort', () => finish(false), { once: true });
    void ctx.client
      .watch(req(r, 'watch', { namespace, query: { fieldSelector: `metadata.name=${name}` } }), (e) => {
        if (e.type === 'DELETED') finish(true);
      })
      .then(async (h) => {
        if (!('stop' in h)) return finish(true);
        stop = () => h.stop();
        if (settled) h.stop();
        // The object may have gone between the GET and the watch starting.
        else if (await gone()) finish(true);
      });
  });
}
