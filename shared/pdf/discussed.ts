import type { ActionPlan } from '../model/guidance';
import type { Provider, Route } from '../model/routes';
import type { Employer } from '../model/employer';
import { areaLabel } from '../reference/areas';
import { sectorLabel } from '../reference/sectors';

/** A route or employer talked about in the meeting, resolved to the words printed on the plan. */
export interface DiscussedOptionDetails {
  kind: 'route' | 'employer';
  /** The course, apprenticeship or programme; or the employer's name. */
  title: string;
  /** Who runs it: the provider's name; for an employer, "Employer: <sector>". Empty when not known. */
  provider: string;
  /** Where: the campus; for an employer, its district or address. Empty when not known. */
  campus: string;
  /** How to apply, in a short sentence. */
  howToApply: string;
  /** The adviser's note from the plan. */
  note: string;
}

export interface DiscussedDirectory {
  routes: readonly Route[];
  providers: readonly Provider[];
  employers: readonly Employer[];
}

function howToApplyFor(route: Route, provider: Provider | undefined): string {
  switch (route.applyVia) {
    case 'kent-choices':
      return 'Apply through Kent Choices';
    case 'ucas':
      return 'Apply through UCAS';
    case 'find-an-apprenticeship':
      return 'Apply through Find an apprenticeship';
    case 'referral':
      return 'Your adviser can refer you';
    case 'direct':
      return provider?.website ? `Apply to the provider: ${provider.website}` : 'Apply directly to the provider';
  }
}

/**
 * Resolves the plan's `discussed` entries against the route and employer directory. An entry whose
 * record was deleted keeps the label saved on the plan, so nothing the young person was told disappears.
 */
export function resolveDiscussedOptions(discussed: ActionPlan['discussed'], directory: DiscussedDirectory): DiscussedOptionDetails[] {
  const routes = new Map(directory.routes.map((r) => [r.id, r]));
  const providers = new Map(directory.providers.map((p) => [p.id, p]));
  const employers = new Map(directory.employers.map((e) => [e.id, e]));
  return discussed.map((option) => {
    if (option.kind === 'route') {
      const route = option.refId ? routes.get(option.refId) : undefined;
      if (!route)
        return { kind: 'route', title: option.label, provider: '', campus: '', howToApply: 'Ask your adviser', note: option.note };
      const provider = providers.get(route.providerId);
      const campus = provider?.campuses.find((c) => c.id === route.campusId);
      return {
        kind: 'route',
        title: route.title,
        provider: provider?.name ?? '',
        campus: campus?.name ?? '',
        howToApply: howToApplyFor(route, provider),
        note: option.note,
      };
    }
    const employer = option.refId ? employers.get(option.refId) : undefined;
    if (!employer)
      return { kind: 'employer', title: option.label, provider: '', campus: '', howToApply: 'Ask your adviser', note: option.note };
    return {
      kind: 'employer',
      title: employer.name,
      provider: `Employer: ${sectorLabel(employer.sector).toLowerCase()}`,
      campus: employer.district ? areaLabel(employer.district) : employer.address,
      howToApply: employer.offersApprenticeships
        ? 'Look for its apprenticeships on Find an apprenticeship, or ask your adviser'
        : 'Ask your adviser to put you in touch',
      note: option.note,
    };
  });
}
