/** DescribePodTemplate (describe.go): the `Pod Template:` block of workload describers. */
import type { PodTemplateSpec, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describeContainers } from './containers';
import { goSort } from './goSort';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';
import { describeVolumes } from './volumes';

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0) describeContainers('Init Containers', spec?.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec?.containers, undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ');
  describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w, '  ');
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}

/** describeTopologySpreadConstraints: sorted by topology key, one per line. */
export function describeTopologySpreadConstraints(list: TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!list || list.length === 0) return;
  const sorted = goSort([...list], (a, b) => a.topologyKey < b.topologyKey);
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}
