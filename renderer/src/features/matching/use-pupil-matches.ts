import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { useDebounceFn } from '@vueuse/core';
import { displayName, type Problem, type Provider } from '@shared/model';
import type { DateRange, Match, OfferTarget, RouteTarget } from '@shared/matching';
import { destinationLabel, type DestinationCode } from '@shared/reference';
import { intendedDestinationFor, type DestinationSuggestion } from '@shared/routes/destination';
import { formatUkDate } from '@shared/academic-year';
import { useLiveQuery } from '../../db/use-live-query';
import { useNewestAnswer } from '../../platform/use-newest-answer';
import { DIRECTORY_TABLES, runMatchJob } from './match-job';
import { todayIso } from '../../platform/clock';
import { useRepositories } from '../../db/repositories';
import type { Acceptance } from '../../db/matching';

export type OfferMatch = Match & OfferTarget;

/** An "Accept" done: what it did (for Undo), and what to say about it and about its Undo. */
export interface Accepted {
  acceptance: Acceptance;
  words: string;
  undone: string;
}

/** The tables a ranking reads (the young person, and the directory): a committed change to any ranks again, once changes settle. */
const RANKED_TABLES = ['pupils', ...DIRECTORY_TABLES] as const;
const RERANK_DELAY_MS = 120;
export type RouteMatch = Match & RouteTarget;

/**
 * One young person's matches (shared/matching matchPupil, in a worker: match-job.ts), ranked again as
 * records change, and the two ways of accepting one: propose a placement, or record a destination.
 */
export function usePupilMatches(pupilId: Ref<string>) {
  const repos = useRepositories();
  const today = todayIso();
  const period = ref<DateRange | null>(null);
  // What the page shows about the young person; the ranking itself is worked out in a worker.
  const data = useLiveQuery(
    async () => {
      const found = await repos.matching.pupil(pupilId.value);
      if (!found) return null;
      return { pupil: found.pupil, providers: found.providers, schoolName: found.school?.name ?? null };
    },
    null,
    [pupilId],
  );

  const ranked = useNewestAnswer(() => runMatchJob({ pupilId: pupilId.value, today, period: period.value }), null);
  const matches = ranked.value;
  const later = useDebounceFn(() => void ranked.refresh(), RERANK_DELAY_MS);
  watch([pupilId, period], () => void ranked.refresh(), { immediate: true });
  const stop = repos.onTablesChange(RANKED_TABLES, () => void later());
  onScopeDispose(() => {
    later.cancel();
    stop();
  });
  const offers = computed(() => (matches.value?.offers ?? []).filter((m): m is OfferMatch => m.kind === 'offer'));
  const routes = computed(() => (matches.value?.routes ?? []).filter((m): m is RouteMatch => m.kind === 'route'));
  const excluded = computed(() => matches.value?.excluded ?? []);
  const travelFrom = computed(() => matches.value?.travelFrom ?? 'estimate');
  const providers = computed(() => new Map<string, Provider>((data.value.value?.providers ?? []).map((p) => [p.id, p])));
  const name = computed(() => (data.value.value ? displayName(data.value.value.pupil) : ''));

  /** What was last done, for the status line; problems when it was refused. */
  const message = ref('');
  /**
   * A placement just proposed where the timetable has no published service: the page asks for the
   * adviser's travel plan on its paperwork (school buses and community transport are not in timetables).
   */
  const travelPlanWanted = ref<{ placementId: string; employerName: string } | null>(null);
  const problems = ref<Problem[]>([]);
  const busy = ref(false);

  /**
   * Proposes a placement from the offer. What was done comes back in words with the acceptance, for the
   * Undo toast to say and to withdraw; null when refused (the problems say why).
   */
  async function acceptOfferMatch(match: OfferMatch): Promise<Accepted | null> {
    busy.value = true;
    problems.value = [];
    message.value = '';
    try {
      const result = await repos.matching.acceptOffer(
        {
          pupilId: pupilId.value,
          employerId: match.employerId,
          offerId: match.offerId,
          start: match.periodStart,
          end: match.periodEnd,
        },
        today,
      );
      if (!result.ok) {
        problems.value = result.problems;
        return null;
      }
      travelPlanWanted.value =
        match.journey?.verdict === 'no-published-service' ? { placementId: result.value.id, employerName: match.employerName } : null;
      const dates = `from ${formatUkDate(match.periodStart)} to ${formatUkDate(match.periodEnd)}`;
      return {
        acceptance: { kind: 'placement', pupilId: pupilId.value, placementId: result.value.id },
        words: `Proposed a placement at ${match.employerName} ${dates}. It is on ${name.value}'s timeline.`,
        undone: `Withdrew the proposed placement at ${match.employerName} ${dates}.`,
      };
    } finally {
      busy.value = false;
    }
  }

  function destinationFor(match: RouteMatch): DestinationSuggestion {
    return intendedDestinationFor(match.routeKind, providers.value.get(match.providerId)?.kind ?? null);
  }

  async function acceptRouteMatch(match: RouteMatch, code: DestinationCode): Promise<Accepted | null> {
    busy.value = true;
    problems.value = [];
    message.value = '';
    try {
      const route = `${match.routeTitle} at ${match.providerName}`;
      const result = await repos.matching.acceptRoute(pupilId.value, code, `accepted the route ${route}`, {
        routeId: match.routeId,
        providerId: match.providerId,
      });
      if (!result.ok) {
        problems.value = result.problems;
        return null;
      }
      const before = result.value.before === null ? 'none recorded' : destinationLabel(result.value.before);
      return {
        acceptance: result.value,
        words: `Recorded ${name.value}'s intended destination: ${destinationLabel(code)} (${route}).`,
        undone: `Intended destination back to ${before}.`,
      };
    } finally {
      busy.value = false;
    }
  }

  /** Undo after Accept: withdraws exactly what it did, or says why not (it has moved on since). */
  async function undoAccepted(accepted: Accepted): Promise<void> {
    problems.value = [];
    message.value = '';
    const result = await repos.matching.withdrawAcceptance(accepted.acceptance);
    if (!result.ok) {
      problems.value = result.problems;
      return;
    }
    message.value = accepted.undone;
    // The placement withdrawn needs no travel plan.
    const undone = accepted.acceptance;
    if (undone.kind === 'placement' && travelPlanWanted.value?.placementId === undone.placementId) travelPlanWanted.value = null;
  }

  return {
    data: data.value,
    loading: data.loading,
    error: data.error,
    ranking: ranked.loading,
    rankingError: ranked.error,
    today,
    period,
    name,
    offers,
    routes,
    excluded,
    travelFrom,
    message,
    problems,
    busy,
    travelPlanWanted,
    acceptOfferMatch,
    acceptRouteMatch,
    undoAccepted,
    destinationFor,
  };
}
