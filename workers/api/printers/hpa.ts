/**
 * `kubectl get hpa`. Mirrors printers.go printHorizontalPodAutoscaler and
 * formatHPAMetrics. Upstream prints the internal (v2-shaped) object, so an
 * autoscaling/v1 object is first read as v2 (pkg/apis/autoscaling/v1 conversion).
 */
import type { HorizontalPodAutoscaler as HPAV1 } from 'kubernetes-types/autoscaling/v1';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { quantityPtrString } from './format';
import type { Printer } from './types';

const MAX = 2;

function present<T>(v: T | undefined | null): v is T {
  return v !== undefined && v !== null;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      if (present(target?.averageValue)) {
        const cur = status?.external?.current?.averageValue;
        return `${present(cur) ? quantityPtrString(cur) : '<unknown>'}/${quantityPtrString(target.averageValue)} (avg)`;
      }
      const cur = status?.external ? quantityPtrString(status.external.current?.value) : '<unknown>';
      return `${cur}/${quantityPtrString(target?.value)}`;
    }
    case 'Pods': {
      const cur = status?.pods ? quantityPtrString(status.pods.current?.averageValue) : '<unknown>';
      return `${cur}/${quantityPtrString(spec.pods?.target?.averageValue)}`;
    }
    case 'Object': {
      const target = spec.object?.target;
      if (present(target?.averageValue)) {
        const cur = status?.object?.current?.averageValue;
        return `${present(cur) ? quantityPtrString(cur) : '<unknown>'}/${quantityPtrString(target.averageValue)} (avg)`;
      }
      const cur = status?.object ? quantityPtrString(status.object.current?.value) : '<unknown>';
      return `${cur}/${quantityPtrString(target?.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const st = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      const name = src?.name ?? '';
      const target = src?.target;
      if (present(target?.averageValue)) {
        const cur = st ? quantityPtrString(st.current?.averageValue) : '<unknown>';
        return `${name}: ${cur}/${quantityPtrString(target.averageValue)}`;
      }
      const curUtil = st?.current?.averageUtilization;
      const cur = present(curUtil) ? `${curUtil}%` : '<unknown>';
      const tgt = present(target?.averageUtilization) ? `${target.averageUtilization}%` : '<auto>';
      return `${name}: ${cur}/${tgt}`;
    }
    default:
      return '<unknown type>';
  }
}

/** `cpu: 250%/50%`, `<unknown>/50%`..., two at most then `+ N more...`; `<none>` without metrics. */
export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  const list = specs ?? [];
  if (list.length === 0) return '<none>';
  // Upstream pairs spec i with status i by position.
  const parts = list.map((s, i) => formatMetric(s, statuses?.[i]));
  if (parts.length > MAX) return `${parts.slice(0, MAX).join(', ')} + ${parts.length - MAX} more...`;
  return parts.join(', ');
}

/** autoscaling/v1 → v2 for printing: the CPU target becomes a Resource metric. */
export function hpaV1ToV2(hpa: HPAV1): HorizontalPodAutoscaler {
  const metrics: MetricSpec[] = [];
  const current: MetricStatus[] = [];
  const target = hpa.spec?.targetCPUUtilizationPercentage;
  if (present(target)) {
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } });
  }
  const cur = hpa.status?.currentCPUUtilizationPercentage;
  if (present(cur)) current.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cur } } });
  return {
    metadata: hpa.metadata,
    spec: {
      scaleTargetRef: hpa.spec?.scaleTargetRef ?? { kind: '', name: '' },
      minReplicas: hpa.spec?.minReplicas,
      maxReplicas: hpa.spec?.maxReplicas ?? 0,
      metrics,
    },
    status: { currentReplicas: hpa.status?.currentReplicas, desiredReplicas: hpa.status?.desiredReplicas ?? 0, currentMetrics: current },
  };
}

export const horizontalPodAutoscalerPrinter: Printer = {
  columns: [
    nameColumn,
    col('Reference', 'string', DOC['HorizontalPodAutoscalerSpec.scaleTargetRef']),
    col('Targets', 'string', DOC['HorizontalPodAutoscalerSpec.metrics']),
    col('MinPods', 'string', DOC['HorizontalPodAutoscalerSpec.minReplicas']),
    col('MaxPods', 'string', DOC['HorizontalPodAutoscalerSpec.maxReplicas']),
    col('Replicas', 'string', DOC['HorizontalPodAutoscalerStatus.currentReplicas']),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const hpa = obj.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(obj as unknown as HPAV1) : (obj as unknown as HorizontalPodAutoscaler);
    const ref = hpa.spec?.scaleTargetRef;
    const min = hpa.spec?.minReplicas;
    return [
      obj.metadata.name,
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      present(min) ? String(min) : '<unset>',
      hpa.spec?.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
