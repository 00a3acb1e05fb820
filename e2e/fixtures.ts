/** What several e2e suites share: the `web` Deployment they apply, polling from the test side, and budget figures. */

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

/** A budget figure as `npm run bench` prints them (DESIGN.md, Budgets); `ok` says whether it is within the budget (a maximum). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: number;
  ok: boolean;
}

/** Prints a figure as one JSON line and returns it. */
export function report(name: string, value: number, unit: string, budget: number): Figure {
  const f = { name, value: Math.round(value * 10) / 10, unit, budget, ok: value <= budget };
  console.log(JSON.stringify(f));
  return f;
}
