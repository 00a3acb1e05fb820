/** Job and CronJob describers (describe.go describeJob, describeCronJob). */
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { humanDuration, parseTimestamp } from '../../api/printers/duration';
import { labelSelectorString } from '../../api/printers/format';
import { describeEvents, refOf, searchEvents } from './events';
import { getObject, type DescribeContext, type Gvr } from './fetch';
import { printAnnotationsMultiline, printBoolPtr, printController, printLabelsMultiline, rfc1123z } from './format';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

const BATCH = (resource: string): Gvr => ({ group: 'batch', version: 'v1', resource });

/** `Selector:\t…` as LabelSelectorAsSelector prints it, or its conversion error. */
function writeSelector(w: PrefixWriter, sel: LabelSelector | undefined): void {
  const s = labelSelectorString(sel);
  if (s === undefined) w.write(LEVEL_0, 'Selector:\tFailed to get selector: invalid label selector\n');
  else w.write(LEVEL_0, `Selector:\t${s}\n`);
}

/** capIndexesListOrNone */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

export async function describeJob(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, BATCH('jobs'), namespace, name);
  const job = obj as unknown as Job;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'Job')) : undefined;
  return tabbedString((w) => {
    const spec = job.spec;
    const st = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
    writeSelector(w, spec?.selector);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const controlledBy = printController(job.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec?.parallelism !== undefined && spec.parallelism !== null) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    if (spec?.completions !== undefined && spec.completions !== null) w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
    else w.write(LEVEL_0, 'Completions:\t<unset>\n');
    if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec?.suspend !== undefined && spec.suspend !== null) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec?.backoffLimit !== undefined && spec.backoffLimit !== null) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec?.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    const start = parseTimestamp(st.startTime);
    const done = parseTimestamp(st.completionTime);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration((done ?? 0) - (start ?? 0))}\n`);
    if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (st.ready === undefined || st.ready === null) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
    describePodTemplate(spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

function describeJobTemplate(t: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = t?.spec;
  if (spec?.selector) writeSelector(w, spec.selector);
  else w.write(LEVEL_0, 'Selector:\t<unset>\n');
  if (spec?.parallelism !== undefined && spec.parallelism !== null) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  else w.write(LEVEL_0, 'Parallelism:\t<unset>\n');
  if (spec?.completions !== undefined && spec.completions !== null) w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
  else w.write(LEVEL_0, 'Completions:\t<unset>\n');
  if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

export async function describeCronJob(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, BATCH('cronjobs'), namespace, name);
  const cj = obj as unknown as CronJob;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'CronJob')) : undefined;
  return tabbedString((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    const opt = (label: string, v: number | undefined | null, unit = '') => w.write(LEVEL_0, v === undefined || v === null ? `${label}:\t<unset>\n` : `${label}:\t${v}${unit}\n`);
    opt('Successful Job History Limit', spec?.successfulJobsHistoryLimit);
    opt('Failed Job History Limit', spec?.failedJobsHistoryLimit);
    opt('Starting Deadline Seconds', spec?.startingDeadlineSeconds, 's');
    describeJobTemplate(spec?.jobTemplate, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, last ? `Last Schedule Time:\t${rfc1123z(last)}\n` : 'Last Schedule Time:\t<unset>\n');
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, j.name ?? '');
      });
      w.writeLine('');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
