import { describe, expect, it } from 'vitest';
import { obj, NOW } from './fixtures';
import { formatHPAMetrics, horizontalPodAutoscalerPrinter } from './hpa';

// The statuses the HPA controller writes (workers/controllers/podautoscaler), as
// printers.go formatHPAMetrics prints them for `kubectl get hpa`.
const cpu50 = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } };
const mem = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };

describe('kubectl get hpa TARGETS for controller statuses', () => {
  it('a computed metric, and one that failed ({type: ""} in its slot)', () => {
    expect(formatHPAMetrics([cpu50] as never, [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 250, averageValue: '500m' } } }] as never)).toBe('cpu: 250%/50%');
    expect(formatHPAMetrics([cpu50] as never, [{ type: '' }] as never)).toBe('cpu: <unknown>/50%');
    expect(formatHPAMetrics([cpu50, mem] as never, [{ type: '' }, { type: 'Resource', resource: { name: 'memory', current: { averageValue: '83886080' } } }] as never)).toBe('cpu: <unknown>/50%, memory: 83886080/100Mi');
  });

  it('three metrics print two and a count; no spec metrics is <none>', () => {
    expect(formatHPAMetrics([cpu50, mem, cpu50] as never, undefined)).toBe('cpu: <unknown>/50%, memory: <unknown>/100Mi + 1 more...');
    expect(formatHPAMetrics([] as never, undefined)).toBe('<none>');
  });

  it('the row of an autoscaling/v1 object made by kubectl autoscale', () => {
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'php-apache', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 7, desiredReplicas: 7, currentCPUUtilizationPercentage: 44 },
    });
    const row = horizontalPodAutoscalerPrinter.row(v1, NOW);
    expect(row.slice(0, 6)).toEqual(['php-apache', 'Deployment/php-apache', 'cpu: 44%/50%', '1', 10, 7]);
  });
});
