import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { jobStrategy as s } from './job';

const UID = '11111111-2222-3333-4444-555555555555';
const job = (spec: Record<string, unknown>) => obj('batch/v1', 'Job', 'pi', { spec });
const base = () => ({ template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } });

describe('Job', () => {
  it('defaults and generates selector and labels', () => {
    const o = prepareCreate(s, job(base()));
    const spec = o.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
    });
    const labels = { 'batch.kubernetes.io/controller-uid': UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': UID, 'job-name': 'pi' };
    expect((spec.template as { metadata: { labels: unknown } }).metadata.labels).toEqual(labels);
    expect(o.metadata.labels).toEqual(labels);
    expect(createErrors(s, job(base()))).toEqual([]);
  });

  it('needs an explicit OnFailure or Never restart policy', () => {
    const spec = base();
    delete (spec.template.spec as Record<string, unknown>).restartPolicy;
    expect(createErrors(s, job(spec))).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });

  it('checks a manual selector against the template', () => {
    const errs = createErrors(s, job({ ...base(), manualSelector: true, selector: { matchLabels: { a: 'b' } } }));
    expect(errs).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`']);
  });

  it('keeps spec.template immutable', () => {
    const old = prepareCreate(s, job(base()));
    const next = prepareCreate(s, job(base()));
    ((next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]).image = 'perl:2';
    const errs = updateErrors(s, next, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec\.template: Invalid value: core\.PodTemplateSpec\{.*\}: field is immutable$/);
  });

  it('lets a suspended, never-started job change its node selector', () => {
    const old = prepareCreate(s, job({ ...base(), suspend: true }));
    const next = prepareCreate(s, job({ ...base(), suspend: true }));
    ((next.spec as { template: { spec: Record<string, unknown> } }).template.spec).nodeSelector = { zone: 'a' };
    expect(updateErrors(s, next, old)).toEqual([]);
  });

  it('rejects an indexed job whose pod hostnames would be too long', () => {
    const name = 'x'.repeat(62);
    const o = obj('batch/v1', 'Job', name, { spec: { ...base(), completionMode: 'Indexed', completions: 10 } });
    expect(createErrors(s, o)).toContain(`metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-9`);
  });
});
