import type { Action } from './types';
import { failed } from './types';
import { performChaos } from './chaosCall';

/** The container's process is killed (exit 137); the kubelet restarts it under the pod's restart policy. */
export const crashContainer: Action<'crashContainer'> = {
  id: 'crashContainer',
  label: 'Crash container',
  perform(ctx, input) {
    const ok = typeof input === 'object' && input !== null && typeof input.namespace === 'string' && input.namespace !== '' && typeof input.pod === 'string' && input.pod !== '';
    if (!ok) return failed('crashContainer needs {namespace, pod, container?}');
    const container = typeof input.container === 'string' && input.container ? input.container : undefined;
    return performChaos(
      ctx,
      `Crash ${container ? `container ${container} of ` : ''}${input.pod}`,
      { action: 'crashContainer', namespace: input.namespace, pod: input.pod, ...(container ? { container } : {}) },
      'The kubelet restarts it (RESTARTS goes up); crash again quickly to see CrashLoopBackOff.',
    );
  },
};
