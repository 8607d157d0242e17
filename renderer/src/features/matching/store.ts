import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { displayName, type Employer, type Placement, type Problem, type Pupil } from '@shared/model';
import {
  allocationListOf,
  matchPupil,
  prepareMatchDirectory,
  type AllocationLine,
  type AllocationList,
  type DateRange,
  type PreparedMatchDirectory,
} from '@shared/matching';
import { priorityReasons } from '@shared/risk';
import { formatUkDate } from '@shared/academic-year';
import { useLiveQuery } from '../../db/use-live-query';
import { todayIso } from '../../platform/clock';
import { commonPeriods } from './periods';
import { runAllocation } from './run-allocation';
import type { OfferMatch } from './use-pupil-matches';
import { useRepositories } from '../../db/repositories';
import { failureInWords } from '../../ui/failure-words';

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
  schoolId: string;
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

/** What is kept of a line's choice when the allocation is stored: the reasons are worked out again, never stored. */
function keptChoice({ employerId, offerId, periodStart, periodEnd, score, distanceKm }: ProposalChoice) {
  return { employerId, offerId, periodStart, periodEnd, score, distanceKm };
}

function slotKey(choice: Pick<ProposalChoice, 'employerId' | 'offerId' | 'periodStart'>): string {
  return `${choice.employerId}|${choice.offerId}|${choice.periodStart}`;
}

/**
 * Allocating a school's year group to work-experience placements: the run (in a worker, with
 * progress), the proposal the adviser reviews and changes by hand, confirming it in one step, and
 * the confirmed allocation, kept on screen (across the app's pages) until the next one is worked out.
 * Confirming also stores it (db/allocations.ts), to reopen later from the placements desk.
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
  /** The allocation last confirmed, as a list; null until one is confirmed, and again once a new one is worked out. */
  const confirmed = shallowRef<AllocationList | null>(null);
  /** The stored allocation's id, to reopen it from the placements desk; null with no confirmed allocation. */
  const confirmedId = ref<string | null>(null);
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
    try {
      const [pupils, { employers, placements }] = await Promise.all([
        repos.matching.cohort(request.schoolId, request.yearGroup, request.period.start),
        repos.matching.allocationData(),
      ]);
      if (pupils.length === 0) {
        proposal.value = null;
        confirmed.value = null;
        const onDate = formatUkDate(request.period.start);
        message.value = `No young people at ${schoolName} are recorded as in Year ${request.yearGroup} on ${onDate}.`;
        return;
      }
      const timetableDatabaseName = repos.timetable.databaseName;
      const walking = await repos.settings.get('walking');
      const input = { pupils, employers, placements, period: request.period, today, timetableDatabaseName, walking };
      const result = await runAllocation(input, (f) => {
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
            distanceKm: line.distanceKm,
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
      confirmed.value = null;
      lines.value = next;
      proposal.value = {
        schoolId: request.schoolId,
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
      console.error(error);
      problems.value = [{ field: 'allocation', message: failureInWords('The allocation could not be worked out', error) }];
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
              distanceKm: match.distanceKm,
              reasons: match.reasons,
            },
          }
        : { pupilId, byHand: true, choice: null, why: 'Taken out of the proposal by hand' },
    };
  }

  const placedCount = computed(() => Object.values(lines.value).filter((l) => l.choice).length);

  function listOf(p: Proposal, stage: AllocationList['stage']): AllocationList {
    return allocationListOf({
      stage,
      schoolName: p.schoolName,
      yearGroup: p.yearGroup,
      period: p.period,
      on: today,
      lines: p.order.flatMap((id) => {
        const line = lines.value[id];
        const pupil = p.pupils.get(id);
        return line && pupil ? [{ ...line, name: displayName(pupil) }] : [];
      }),
      employerNames: p.employerNames,
      offerTitles: p.offerTitles,
    });
  }

  /** The proposal under review as a list, for its CSV and PDF; null when there is none. */
  const proposalList = computed(() => (proposal.value ? listOf(proposal.value, 'proposal') : null));

  async function confirm(): Promise<void> {
    const p = proposal.value;
    if (!p) return;
    confirming.value = true;
    problems.value = [];
    try {
      const result = await repos.matching.confirmAllocation(
        {
          schoolId: p.schoolId,
          yearGroup: p.yearGroup,
          period: p.period,
          lines: p.order.flatMap((id) => {
            const line = lines.value[id];
            return line ? [{ pupilId: id, choice: line.choice && keptChoice(line.choice), why: line.why, byHand: line.byHand }] : [];
          }),
        },
        today,
      );
      if (!result.ok) {
        problems.value = result.problems;
        return;
      }
      confirmed.value = listOf(p, 'confirmed');
      confirmedId.value = result.value.allocation.id;
      const count = result.value.placements.length;
      const created = count === 1 ? '1 proposed placement' : `${count} proposed placements`;
      message.value = `Created ${created} for Year ${p.yearGroup} at ${p.schoolName}. Each is on the young person's page.`;
      proposal.value = null;
      lines.value = {};
    } catch (error) {
      console.error(error);
      problems.value = [{ field: 'allocation', message: failureInWords('The placements could not be created', error) }];
    } finally {
      confirming.value = false;
    }
  }

  /** Puts the confirmed allocation away, to start a new one. Its placements stay on the young people's records. */
  function clearConfirmed(): void {
    confirmed.value = null;
    confirmedId.value = null;
    message.value = '';
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
    confirmedId,
    confirming,
    placedCount,
    proposalList,
    run,
    optionsFor,
    placesLeftInPlan,
    setChoice,
    confirm,
    discard,
    clearConfirmed,
  };
});
