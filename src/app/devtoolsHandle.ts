/**
 * `window.kubePlayground` in the browser console (and for e2e tests): the same
 * API requests the UI makes, and clock control.
 */
import type { ClusterClient } from '../cluster/client';

export type DevtoolsHandle = Pick<ClusterClient, 'request' | 'setMode' | 'clock'>;

declare global {
  interface Window {
    kubePlayground?: DevtoolsHandle;
  }
}

export function installDevtoolsHandle(client: ClusterClient): void {
  window.kubePlayground = {
    request: (req) => client.request(req),
    setMode: (mode) => client.setMode(mode),
    clock: () => client.clock(),
  };
}
