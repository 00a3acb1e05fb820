/**
 * The inspector's Scaling tab for a HorizontalPodAutoscaler: what it scales
 * and within which bounds, each metric against its target, a chart of
 * replicas and metrics over virtual time (from the object's history), its
 * conditions and when it last scaled.
 */
import { useMemo } from 'react';
import type { KubeObject } from '../../workers/api/object';
import { hpaSeries, hpaSample } from './hpaSeries';
import { HpaChart } from './HpaChart';
import { useObjectHistory } from './useObjectHistory';
import { sinceText } from './time';
import './metrics.css';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

export function hpaStoreKey(o: KubeObject): string {
  return `/registry/autoscaling/horizontalpodautoscalers/${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;
}

function conditions(o: KubeObject): { type: string; status: string; reason: string; message: string }[] {
  const c = obj(o.status).conditions;
  if (!Array.isArray(c)) return [];
  return c.map((x) => {
    const r = obj(x);
    return { type: String(r.type ?? ''), status: String(r.status ?? ''), reason: String(r.reason ?? ''), message: String(r.message ?? '') };
  });
}

/** ScalingLimited=True means the limits held the count back (worth a look); the others are fine when True. */
export function conditionGood(type: string, status: string): boolean {
  return type === 'ScalingLimited' ? status !== 'True' : status === 'True';
}

export function HpaPanel({ hpa, now }: { hpa: KubeObject; now: number }) {
  const history = useObjectHistory(hpaStoreKey(hpa), hpa.metadata.resourceVersion);
  const series = useMemo(() => hpaSeries(history.points, hpa), [history.points, hpa]);
  const spec = obj(hpa.spec);
  const status = obj(hpa.status);
  const ref = obj(spec.scaleTargetRef);
  const lastScale = typeof status.lastScaleTime === 'string' ? status.lastScaleTime : undefined;
  const latest = hpaSample({ revision: 0, time: now, object: hpa });
  return (
    <div className="mx hpa" data-testid="hpa-panel">
      <dl className="mx-facts">
        <div>
          <dt>Scales</dt>
          <dd>{`${String(ref.kind ?? '?')}/${String(ref.name ?? '?')}`}</dd>
        </div>
        <div>
          <dt>Replicas</dt>
          <dd data-testid="hpa-replicas">
            {latest?.current ?? 0} → {latest?.desired ?? 0} <span className="mx-muted">(min {latest?.min ?? 1}, max {latest?.max ?? '?'})</span>
          </dd>
        </div>
        <div>
          <dt>Last scaled</dt>
          <dd data-testid="hpa-last-scale" title={lastScale}>{lastScale ? `${sinceText(lastScale, now)} ago` : 'never'}</dd>
        </div>
      </dl>
      {series.samples.length === 0 ? (
        <p className="mx-note" data-testid="hpa-chart-empty">{history.error ? `History unavailable: ${history.error}` : history.loaded ? 'No history yet.' : 'Reading history…'}</p>
      ) : (
        <HpaChart series={series} now={now} />
      )}
      <h3 className="mx-subtitle">Conditions</h3>
      {conditions(hpa).length === 0 ? (
        <p className="mx-note">No conditions yet: the controller reconciles each HPA every 15 s.</p>
      ) : (
        <ul className="mx-conds">
          {conditions(hpa).map((c) => (
            <li key={c.type} data-testid="hpa-condition" data-type={c.type} data-status={c.status}>
              <span className={`mx-cond-mark mx-cond-${conditionGood(c.type, c.status) ? 'good' : 'bad'}`}>{c.status}</span>
              <span className="mx-cond-type">{c.type}</span>
              <span className="mx-cond-reason">{c.reason}</span>
              <span className="mx-cond-msg">{c.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
