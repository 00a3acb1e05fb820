/**
 * Which of a CRD's requested names it may have, given the names other CRDs
 * of its group already hold (apiextensions-apiserver
 * pkg/controller/status/naming_controller.go calculateNamesAndConditions).
 * Like upstream, only accepted names of CRDs in the same group count.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionNames } from 'kubernetes-types/apiextensions/v1';
import { findCondition, type Condition } from './conditions';

export interface NamingResult {
  acceptedNames: CustomResourceDefinitionNames;
  namesAccepted: Condition;
  established: Condition;
}

/** Names as Go's DeepEqual sees them: absent lists are nil, empty lists are not. */
export function sameNames(a: CustomResourceDefinitionNames | undefined, b: CustomResourceDefinitionNames | undefined): boolean {
  const norm = (n: CustomResourceDefinitionNames | undefined) =>
    JSON.stringify([n?.plural ?? '', n?.singular ?? '', n?.shortNames ?? null, n?.kind ?? '', n?.listKind ?? '', n?.categories ?? null]);
  return norm(a) === norm(b);
}

function usedNames(group: string, crds: readonly CustomResourceDefinition[]): { resources: Set<string>; kinds: Set<string> } {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const c of crds) {
    if (c.spec?.group !== group) continue;
    const n = c.status?.acceptedNames;
    if (!n) continue;
    resources.add(n.plural ?? '');
    resources.add(n.singular ?? '');
    for (const s of n.shortNames ?? []) resources.add(s);
    kinds.add(n.kind ?? '');
    kinds.add(n.listKind ?? '');
  }
  return { resources, kinds };
}

/** equalToAcceptedOrFresh: undefined when the name may be taken. */
function conflict(requested: string, accepted: string, used: Set<string>): string | undefined {
  if (requested === accepted || !used.has(requested)) return undefined;
  return `${JSON.stringify(requested)} is already in use`;
}

export function calculateNamesAndConditions(crd: CustomResourceDefinition, all: readonly CustomResourceDefinition[]): NamingResult {
  const { resources, kinds } = usedNames(crd.spec.group, all);
  const requested = crd.spec.names;
  const accepted: CustomResourceDefinitionNames = crd.status?.acceptedNames ?? { plural: '', kind: '' };
  const next: CustomResourceDefinitionNames = { ...accepted };
  let namesAccepted: Condition = { type: 'NamesAccepted', status: 'Unknown' };
  const refuse = (reason: string, message: string) => {
    namesAccepted = { type: 'NamesAccepted', status: 'False', reason, message };
  };

  let err = conflict(requested.plural, accepted.plural, resources);
  if (err) refuse('PluralConflict', err);
  else next.plural = requested.plural;
  err = conflict(requested.singular ?? '', accepted.singular ?? '', resources);
  if (err) refuse('SingularConflict', err);
  else next.singular = requested.singular;
  if (JSON.stringify(requested.shortNames ?? null) !== JSON.stringify(accepted.shortNames ?? null)) {
    const mine = new Set(accepted.shortNames ?? []);
    const errs = (requested.shortNames ?? []).filter((s) => !mine.has(s)).map((s) => conflict(s, '', resources)).filter((e): e is string => !!e);
    // utilerrors.NewAggregate: one error prints bare, several as a bracketed list.
    if (errs.length) refuse('ShortNamesConflict', errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
    else next.shortNames = requested.shortNames;
  }
  err = conflict(requested.kind, accepted.kind, kinds);
  if (err) refuse('KindConflict', err);
  else next.kind = requested.kind;
  err = conflict(requested.listKind ?? '', accepted.listKind ?? '', kinds);
  if (err) refuse('ListKindConflict', err);
  else next.listKind = requested.listKind;
  next.categories = requested.categories;
  // Field order of the Go struct, so JSON output reads as upstream's does.
  const acceptedNames = {} as CustomResourceDefinitionNames;
  const ordered = { plural: next.plural, singular: next.singular, shortNames: next.shortNames, kind: next.kind, listKind: next.listKind, categories: next.categories };
  for (const [k, v] of Object.entries(ordered)) if (v !== undefined) (acceptedNames as unknown as Record<string, unknown>)[k] = v;

  if (namesAccepted.status === 'Unknown') namesAccepted = { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };

  // Established turns True in the establishing controller, once the names have reached the handler.
  const old = findCondition(crd, 'Established');
  let established: Condition = old ?? { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' };
  if (established.status !== 'True' && namesAccepted.status === 'True') {
    established = { type: 'Established', status: 'False', reason: 'Installing', message: 'the initial names have been accepted' };
  }
  return { acceptedNames, namesAccepted, established };
}
