/** What several e2e suites share: the `web` Deployment they apply, and polling from the test side. */

/** An nginx:1.27 Deployment `web` in `default` (label app=web, port 80). */
export function webDeployment(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    },
  };
}

/**
 * Polls `check` (which may ask the page) until it holds, every `everyMs`;
 * throws `what` after `timeoutMs`. Page-side waitForFunction is for DOM
 * predicates; this is for answers that need an awaited request.
 */
export async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs: number, everyMs = 250): Promise<void> {
  for (const start = Date.now(); ; ) {
    if (await check()) return;
    if (Date.now() - start > timeoutMs) throw new Error(what);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
