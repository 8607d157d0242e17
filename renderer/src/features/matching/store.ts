import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { displayName, type Employer, type Placement, type Problem, type Pupil } from '@shared/model';
import { matchPupil, prepareMatchDirectory, type AllocationLine, type DateRange, type PreparedMatchDirectory } from '@shared/matching';
import { priorityReasons } from '@shared/risk';
import { formatUkDate } from '@shared/academic-year';
import { useLiveQuery } from '../../db/use-live-query';
import { todayIso } from '../../platform/clock';
import { commonPeriods } from './periods';
import { runAllocation } from './run-allocation';
import type { OfferMatch } from './use-pupil-matches';
import { useRepositories } from '../../db/repositories';

/** Where one young person goes in the proposal, or null for "not placed": an allocation line without its pupil. */
export type ProposalChoice = Omit<AllocationLine, 'pupilId'>;

export interface ProposalLine {
  pupilId: string;
  choice: ProposalChoice | null;
  /** Why they are not placed (from the allocation, or "taken out by hand"); '' when placed. */
  why: string;
  byHand: boolean;
}

export interface Proposal {
  period: DateRange;
  schoolName: string;
  yearGroup: number;
  /** Young people in the order the table shows them: placed first, then those left out, by name. */
  order: string[];
  pupils: Map<string, Pupil>;
  priority: Map<string, string[]>;
  employers: Employer[];
  placements: Placement[];
  employerNames: Map<string, string>;
  offerTitles: Map<string, string>;
}

export interface CohortRequest {
  schoolId: string;
  yearGroup: number;
  period: DateRange;
}

function slotKey(choice: Pick<ProposalChoice, 'employerId' | 'offerId' | 'periodStart'>): string {
  return `${choice.employerId}|${choice.offerId}|${choice.periodStart}`;
}

/**
 * Allocating a school's year group to work-experience placements: the run (in a worker, with
 * progress), the proposal the adviser reviews and changes by hand, and confirming it in one step.
 */
export const useAllocationStore = defineStore('allocation', () => {
  const repos = useRepositories();
  const today = todayIso();
  const employersQuery = useLiveQuery(() => repos.employers.list(), [] as Employer[]);
  const periods = computed(() => commonPeriods(employersQuery.value.value, today));
  /** False until the employers have been read, so the default period is not chosen from nothing. */
  const periodsReady = computed(() => !employersQuery.loading.value);

  const running = ref(false);
  const progress = ref(0);
  const proposal = shallowRef<Proposal | null>(null);
  const lines = ref<Record<string, ProposalLine>>({});
  const problems = ref<Problem[]>([]);
  const message = ref('');
  const confirmed = ref<{ pupilId: string; name: string; employerName: string }[]>([]);
  const confirming = ref(false);
  // Each young person's allowed offers, worked out when the adviser first changes their line, against
  // the proposal's employers and places prepared once (not again for every young person).
  let optionsCache = new Map<string, OfferMatch[]>();
  const preparedFor = new WeakMap<Proposal, PreparedMatchDirectory>();

  async function run(request: CohortRequest, schoolName: string): Promise<void> {
    running.value = true;
    progress.value = 0;
    problems.value = [];
    message.value = '';
    confirmed.value = [];
    try {
      const [pupils, { employers, placements }] = await Promise.all([
        repos.matching.cohort(request.schoolId, request.yearGroup, request.period.start),
        repos.matching.allocationData(),
      ]);
      if (pupils.length === 0) {
        proposal.value = null;
        const onDate = formatUkDate(request.period.start);
        message.value = `No young people at ${schoolName} are recorded as in Year ${request.yearGroup} on ${onDate}.`;
        return;
      }
      const result = await runAllocation({ pupils, employers, placements, period: request.period, today }, (f) => {
        progress.value = f;
      });
      const byId = new Map(pupils.map((p) => [p.id, p]));
      const next: Record<string, ProposalLine> = {};
      for (const line of result.lines) {
        next[line.pupilId] = {
          pupilId: line.pupilId,
          why: '',
          byHand: false,
          choice: {
            employerId: line.employerId,
            offerId: line.offerId,
            periodStart: line.periodStart,
            periodEnd: line.periodEnd,
            score: line.score,
            reasons: line.reasons,
          },
        };
      }
      for (const left of result.unplaced) next[left.pupilId] = { pupilId: left.pupilId, choice: null, why: left.why, byHand: false };
      const nameOf = (id: string) => {
        const pupil = byId.get(id);
        return pupil ? displayName(pupil) : '';
      };
      const byName = (a: string, b: string) => nameOf(a).localeCompare(nameOf(b), 'en-GB');
      optionsCache = new Map();
      lines.value = next;
      proposal.value = {
        period: request.period,
        schoolName,
        yearGroup: request.yearGroup,
        order: [...result.lines.map((l) => l.pupilId).sort(byName), ...result.unplaced.map((u) => u.pupilId).sort(byName)],
        pupils: byId,
        priority: new Map(pupils.map((p) => [p.id, priorityReasons(p)])),
        employers,
        placements,
        employerNames: new Map(employers.map((e) => [e.id, e.name])),
        offerTitles: new Map(employers.flatMap((e) => e.offers.map((o) => [o.id, o.title] as const))),
      };
    } catch (error) {
      problems.value = [{ field: 'allocation', message: `The allocation could not be worked out: ${(error as Error).message}` }];
    } finally {
      running.value = false;
    }
  }

  /** The offers matching allows this young person on the proposal's dates, best first (shared/matching matchPupil). */
  function optionsFor(pupilId: string): OfferMatch[] {
    const p = proposal.value;
    const pupil = p?.pupils.get(pupilId);
    if (!p || !pupil) return [];
    let options = optionsCache.get(pupilId);
    if (!options) {
      let prepared = preparedFor.get(p);
      if (!prepared) {
        prepared = prepareMatchDirectory({
          employers: p.employers,
          routes: [],
          providers: [],
          placements: p.placements,
          today,
          period: p.period,
        });
        preparedFor.set(p, prepared);
      }
      const matches = matchPupil(pupil, { prepared });
      options = matches.offers.filter((m): m is OfferMatch => m.kind === 'offer');
      optionsCache.set(pupilId, options);
    }
    return options;
  }

  /** Places left in an offer period once the rest of the proposal (everyone but this young person) is counted. */
  function placesLeftInPlan(match: OfferMatch, pupilId: string): number {
    const key = slotKey({ employerId: match.employerId, offerId: match.offerId, periodStart: match.periodStart });
    let taken = 0;
    for (const line of Object.values(lines.value)) {
      if (line.pupilId !== pupilId && line.choice && slotKey(line.choice) === key) taken++;
    }
    return match.capacityLeft - taken;
  }

  function setChoice(pupilId: string, match: OfferMatch | null): void {
    lines.value = {
      ...lines.value,
      [pupilId]: match
        ? {
            pupilId,
            byHand: true,
            why: '',
            choice: {
              employerId: match.employerId,
              offerId: match.offerId,
              periodStart: match.periodStart,
              periodEnd: match.periodEnd,
              score: match.score,
              reasons: match.reasons,
            },
          }
        : { pupilId, byHand: true, choice: null, why: 'Taken out of the proposal by hand' },
    };
  }

  const placedCount = computed(() => Object.values(lines.value).filter((l) => l.choice).length);

  async function confirm(): Promise<void> {
    const p = proposal.value;
    if (!p) return;
    confirming.value = true;
    problems.value = [];
    try {
      const chosen = p.order.map((id) => lines.value[id]).filter((l): l is ProposalLine & { choice: ProposalChoice } => !!l?.choice);
      const result = await repos.matching.confirmAllocation(
        chosen.map((l) => ({
          pupilId: l.pupilId,
          employerId: l.choice.employerId,
          offerId: l.choice.offerId,
          start: l.choice.periodStart,
          end: l.choice.periodEnd,
        })),
        today,
      );
      if (!result.ok) {
        problems.value = result.problems;
        return;
      }
      confirmed.value = chosen.map((l) => {
        const pupil = p.pupils.get(l.pupilId);
        return {
          pupilId: l.pupilId,
          name: pupil ? displayName(pupil) : '',
          employerName: p.employerNames.get(l.choice.employerId) ?? 'Employer',
        };
      });
      const created = result.value.length === 1 ? '1 proposed placement' : `${result.value.length} proposed placements`;
      message.value = `Created ${created} for Year ${p.yearGroup} at ${p.schoolName}. Each is on the young person's page.`;
      proposal.value = null;
      lines.value = {};
    } finally {
      confirming.value = false;
    }
  }

  function discard(): void {
    proposal.value = null;
    lines.value = {};
    problems.value = [];
  }

  return {
    today,
    periods,
    periodsReady,
    running,
    progress,
    proposal,
    lines,
    problems,
    message,
    confirmed,
    confirming,
    placedCount,
    run,
    optionsFor,
    placesLeftInPlan,
    setChoice,
    confirm,
    discard,
  };
});
