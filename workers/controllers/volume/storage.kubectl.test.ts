import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';
import { startVolumeControllers } from './index';

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost({ seed: 3, speed: 100 });
  startVolumeControllers(h.cluster.components);
  h.cluster.informers.start();
});

afterAll(async () => {
  await h?.close();
});

const manifest = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

async function poll(check: () => Promise<boolean>, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('storage through real kubectl', () => {
  it('kubectl get pvc shows the claim Bound to its provisioned volume of class standard', async () => {
    const pending = await h.kubectl(['create', '-f', '-'], { stdin: manifest.split('---')[0] });
    expect(pending.stdout).toBe('persistentvolumeclaim/data created\n');
    const waiting = await h.kubectl(['get', 'pvc', 'data']);
    expect(waiting.stdout.split('\n')[1]).toMatch(/^data\s+Pending\s+standard\s+<unset>\s+\S+$/);
    expect((await h.kubectl(['create', '-f', '-'], { stdin: manifest.split('---')[1] })).code).toBe(0);
    let out = '';
    const bound = await poll(async () => {
      out = (await h.kubectl(['get', 'pvc', 'data'])).stdout;
      return out.includes('Bound');
    }, 20_000);
    expect(bound).toBe(true);
    const [header, row] = out.split('\n');
    expect(header).toMatch(/^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$/);
    const uid = (await h.kubectl(['get', 'pvc', 'data', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    expect(row).toMatch(new RegExp(`^data\\s+Bound\\s+pvc-${uid}\\s+1Gi\\s+RWO\\s+standard\\s+<unset>\\s+\\S+$`));
    const pv = (await h.kubectl(['get', 'pv'])).stdout.split('\n');
    expect(pv[0]).toMatch(/^NAME\s+CAPACITY\s+ACCESS MODES\s+RECLAIM POLICY\s+STATUS\s+CLAIM\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+REASON\s+AGE$/);
    expect(pv[1]).toMatch(new RegExp(`^pvc-${uid}\\s+1Gi\\s+RWO\\s+Delete\\s+Bound\\s+default/data\\s+standard\\s+<unset>\\s+\\S+$`));
    const events = (await h.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=data', '-o', 'jsonpath={range .items[*]}{.reason}{"\\n"}{end}'])).stdout;
    expect(events).toContain('ProvisioningSucceeded');
  });
});
