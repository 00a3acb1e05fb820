/** `kubectl get cronjobs`. Mirrors printers.go printCronJob. */
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { boolPtrString, formatLabelSelector, layoutContainerCells } from './format';
import type { Printer } from './types';

export const cronJobPrinter: Printer = {
  columns: [
    nameColumn,
    col('Schedule', 'string', DOC['CronJobSpec.schedule']),
    col('Timezone', 'string', DOC['CronJobSpec.timeZone']),
    col('Suspend', 'boolean', DOC['CronJobSpec.suspend']),
    col('Active', 'integer', DOC['CronJobStatus.active']),
    col('Last Schedule', 'string', DOC['CronJobStatus.lastScheduleTime']),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['JobSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const cj = obj as unknown as CronJob;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime;
    return [
      obj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      boolPtrString(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last ? translateTimestampSince(last, nowMs) : '<none>',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
