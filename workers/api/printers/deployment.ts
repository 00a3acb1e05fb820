/** `kubectl get deployments`. Mirrors printers.go printDeployment. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { labelSelectorString, layoutContainerCells } from './format';
import type { Printer } from './types';

export const deploymentPrinter: Printer = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', DOC['DeploymentStatus.updatedReplicas']),
    col('Available', 'string', DOC['DeploymentStatus.availableReplicas']),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['DeploymentSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const d = obj as unknown as Deployment;
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    // Unlike FormatLabelSelector, an empty selector prints as '' here.
    const selector = labelSelectorString(d.spec?.selector) ?? '<invalid>';
    return [
      obj.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      selector,
    ];
  },
};
