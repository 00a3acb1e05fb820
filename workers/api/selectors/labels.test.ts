import { describe, it, expect } from 'vitest';
import {
  formatLabelSelector,
  formatLabels,
  newRequirement,
  parseLabelSelector,
  Selector,
  selectorFromLabelSelector,
  selectorFromSet,
} from './labels';

const parse = (s: string) => {
  const r = parseLabelSelector(s);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
};

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector: valid input and String()', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['app=nginx', 'app=nginx'],
    ['  app = nginx ,  tier != frontend ', 'app=nginx,tier!=frontend'],
    ['a==b', 'a==b'],
    ['tier,app=web', 'app=web,tier'],
    ['!canary', '!canary'],
    ['environment in (production, qa)', 'environment in (production,qa)'],
    ['environment notin (qa)', 'environment notin (qa)'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['in in (in, notin)', 'in in (in,notin)'],
    ['a>5,b<3', 'a>5,b<3'],
    ['app=', 'app='],
    ['example.com/app=web', 'example.com/app=web'],
  ];
  it.each(cases)('%j prints %j', (input, want) => {
    expect(parse(input).toString()).toBe(want);
  });
});

describe('parseLabelSelector: errors with upstream text', () => {
  const cases: [string, string][] = [
    ['a in (', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b c=d', "found 'c', expected: ',' or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['-a', `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART}`],
    ['a=-b', `unable to parse requirement: values[0][a]: Invalid value: "-b": ${LABEL_VALUE}`],
    ['a>x', `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
  ];
  it.each(cases)('%j', (input, want) => {
    expect(parseLabelSelector(input)).toEqual({ ok: false, error: want });
  });
});

describe('matching', () => {
  const pod = { app: 'nginx', tier: 'frontend', env: 'prod', rank: '7' };
  const cases: [string, boolean][] = [
    ['', true],
    ['app=nginx', true],
    ['app==nginx', true],
    ['app=redis', false],
    ['app!=redis', true],
    ['missing!=x', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['env in (prod,qa)', true],
    ['env notin (prod,qa)', false],
    ['missing notin (prod)', true],
    ['missing in (prod)', false],
    ['app=nginx,tier=backend', false],
    ['rank>5', true],
    ['rank<5', false],
    ['app>5', false],
    ['env in (a,b,c,d,e,prod)', true],
  ];
  it.each(cases)('%j → %s', (sel, want) => {
    expect(parse(sel).matches(pod)).toBe(want);
  });

  it('treats missing labels as an empty set', () => {
    expect(parse('!a').matches(undefined)).toBe(true);
    expect(parse('a').matches(null)).toBe(false);
  });

  it('does not see inherited properties as labels', () => {
    expect(parse('toString').matches({})).toBe(false);
  });

  it('matches many objects against many compiled selectors', () => {
    const selectors = Array.from({ length: 50 }, (_, i) => parse(`app=web-${i},tier in (a,b)`));
    const objects = Array.from({ length: 500 }, (_, i) => ({ app: `web-${i % 50}`, tier: i % 2 ? 'a' : 'c' }));
    let matched = 0;
    for (const o of objects) for (const s of selectors) if (s.matches(o)) matched++;
    expect(matched).toBe(250);
  });

  it('reports exact-match keys', () => {
    expect(parse('a=b,c in (d)').requiresExactMatch('c')).toBe('d');
    expect(parse('a!=b').requiresExactMatch('a')).toBeUndefined();
  });
});

describe('selectorFromLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  it('sorts matchLabels and expressions by key', () => {
    const r = selectorFromLabelSelector({
      matchLabels: { b: '1', a: '2' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
    });
    expect(r.ok && r.selector.toString()).toBe('a=2,b=1,env in (dev,prod)');
  });

  it('null selects nothing, empty selects everything', () => {
    const none = selectorFromLabelSelector(null);
    expect(none.ok && none.selector.matches({ a: 'b' })).toBe(false);
    expect(none.ok && none.selector.matchesNothing()).toBe(true);
    const all = selectorFromLabelSelector({});
    expect(all.ok && all.selector.matches({ a: 'b' })).toBe(true);
    expect(all.ok && all.selector.empty()).toBe(true);
  });

  it('maps Exists / DoesNotExist / NotIn', () => {
    const r = selectorFromLabelSelector({
      matchExpressions: [
        { key: 'a', operator: 'Exists' },
        { key: 'b', operator: 'DoesNotExist' },
        { key: 'c', operator: 'NotIn', values: ['x'] },
      ],
    });
    expect(r.ok && r.selector.toString()).toBe('a,!b,c notin (x)');
    expect(r.ok && r.selector.matches({ a: '1', c: 'y' })).toBe(true);
    expect(r.ok && r.selector.matches({ a: '1', b: '2' })).toBe(false);
  });

  const bad: [Parameters<typeof selectorFromLabelSelector>[0], string][] = [
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    ],
    [{ matchLabels: { 'a b': 'c' } }, `key: Invalid value: "a b": ${NAME_PART}`],
  ];
  it.each(bad)('rejects %j', (ls, want) => {
    expect(selectorFromLabelSelector(ls)).toEqual({ ok: false, error: want });
  });
});

describe('newRequirement', () => {
  it('aggregates several errors in brackets', () => {
    const r = newRequirement('-k', 'bogus', []);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.startsWith('[key: Invalid value: "-k": ')).toBe(true);
      expect(r.error).toContain('operator: Unsupported value: "bogus": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"]');
    }
  });
});

describe('formatting', () => {
  it('formats selectors as kubectl describe does', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'nginx' } })).toBe('app=nginx');
    expect(formatLabelSelector(null)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Nope' }] })).toBe('<error>');
  });

  it('formats label maps', () => {
    expect(formatLabels({ tier: 'web', app: 'nginx' })).toBe('app=nginx,tier=web');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('selectorFromSet matches exactly the set', () => {
    const s = selectorFromSet({ app: 'web' });
    expect(s.toString()).toBe('app=web');
    expect(s.matches({ app: 'web', x: 'y' })).toBe(true);
    expect(s.matches({ app: 'db' })).toBe(false);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(Selector.everything().matches({})).toBe(true);
  });
});
