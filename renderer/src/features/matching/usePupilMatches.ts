import { computed, ref, type Ref } from 'vue';
import { displayName, type Problem, type Provider } from '@shared/model';
import { matchPupil, type DateRange, type Match, type OfferTarget, type RouteTarget } from '@shared/matching';
import { destinationLabel, type DestinationCode } from '@shared/reference';
import { intendedDestinationFor, type DestinationSuggestion } from '@shared/routes/destination';
import { formatUkDate } from '@shared/academic-year';
import { db } from '../../db/database';
import { acceptOffer, loadMatchData, recordIntendedDestination } from '../../db/matching';
import { useLiveQuery } from '../../app/useLiveQuery';
import { todayIso } from '../../app/today';
import { useSettingsStore } from '../settings/store';

export type OfferMatch = Match & OfferTarget;
export type RouteMatch = Match & RouteTarget;

/**
 * One young person's matches (shared/matching matchPupil over what db/matching reads), kept live as
 * records change, and the two ways of accepting one: propose a placement, or record a destination.
 */
export function usePupilMatches(pupilId: Ref<string>) {
  const settings = useSettingsStore();
  const today = todayIso();
  const period = ref<DateRange | null>(null);
  const data = useLiveQuery(async () => {
    const loaded = await loadMatchData(db, pupilId.value);
    if (!loaded) return null;
    const school = loaded.pupil.schoolId ? await db.schools.get(loaded.pupil.schoolId) : undefined;
    return { ...loaded, schoolName: school?.name ?? null };
  }, null, [pupilId]);

  const matches = computed(() => {
    const d = data.value.value;
    return d ? matchPupil(d.pupil, { ...d, today, period: period.value ?? undefined }) : null;
  });
  const offers = computed(() => (matches.value?.offers ?? []).filter((m): m is OfferMatch => m.kind === 'offer'));
  const routes = computed(() => (matches.value?.routes ?? []).filter((m): m is RouteMatch => m.kind === 'route'));
  const excluded = computed(() => matches.value?.excluded ?? []);
  const providers = computed(() => new Map<string, Provider>((data.value.value?.providers ?? []).map((p) => [p.id, p])));
  const name = computed(() => (data.value.value ? displayName(data.value.value.pupil) : ''));

  /** What was last done, for the status line; problems when it was refused. */
  const message = ref('');
  const problems = ref<Problem[]>([]);
  const busy = ref(false);

  async function acceptOfferMatch(match: OfferMatch): Promise<void> {
    busy.value = true;
    problems.value = [];
    message.value = '';
    try {
      const result = await acceptOffer(db, {
        pupilId: pupilId.value, employerId: match.employerId, offerId: match.offerId, start: match.periodStart, end: match.periodEnd,
      }, settings.currentAdviserId, { today });
      if (result.ok) {
        message.value = `Proposed a placement at ${match.employerName} from ${formatUkDate(match.periodStart)} to ${formatUkDate(match.periodEnd)}. It is on ${name.value}'s timeline.`;
      } else {
        problems.value = result.problems;
      }
    } finally {
      busy.value = false;
    }
  }

  function destinationFor(match: RouteMatch): DestinationSuggestion {
    return intendedDestinationFor(match.routeKind, providers.value.get(match.providerId)?.kind ?? null);
  }

  async function acceptRouteMatch(match: RouteMatch, code: DestinationCode): Promise<boolean> {
    busy.value = true;
    problems.value = [];
    message.value = '';
    try {
      const result = await recordIntendedDestination(db, pupilId.value, code, settings.currentAdviserId, {
        because: `accepted the route ${match.routeTitle} at ${match.providerName}`,
      });
      if (result.ok) message.value = `Recorded ${name.value}'s intended destination: ${destinationLabel(code)} (${match.routeTitle} at ${match.providerName}).`;
      else problems.value = result.problems;
      return result.ok;
    } finally {
      busy.value = false;
    }
  }

  return {
    data: data.value, loading: data.loading, error: data.error, today, period, name,
    offers, routes, excluded, message, problems, busy,
    acceptOfferMatch, acceptRouteMatch, destinationFor,
  };
}
