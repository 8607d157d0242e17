import { computed, onBeforeUnmount, ref, type Ref } from 'vue';
import type { School } from '@shared/model';
import { displayName } from '@shared/model';
import { yearGroupOf } from '@shared/academic-year';
import { formatUkDate } from '@shared/dates';
import { employerLabel } from '@shared/employers/list';
import { deskFacts, needsAction, nextStepWords, type DeskFacts } from '@shared/placements';
import type { DeskRow } from '../../db/placements';
import { useRepositories } from '../../db/repositories';

/** One line of the placements desk as shown: names, the year group on the start, the next step in words. */
export interface DeskLine {
  row: DeskRow;
  facts: DeskFacts;
  pupilName: string;
  schoolId: string | null;
  schoolName: string;
  yearGroup: number | null;
  employerName: string;
  dates: string;
  nextStep: string;
  needsAction: boolean;
}

export interface DeskFilters {
  schoolId: string | null;
  yearGroup: string | null;
  employerId: string | null;
  status: string | null;
  from: string;
  to: string;
  needsActionOnly: boolean;
}

/** The placements desk's data: every work placement as a line, filtered, refreshed on every change. */
export function usePlacementsDesk(filters: Ref<DeskFilters>) {
  const repos = useRepositories();
  const rows = ref<DeskRow[]>([]);
  const schools = ref<School[]>([]);
  const reuseMonths = ref(6);
  const loading = ref(true);

  async function load(): Promise<void> {
    const [desk, allSchools] = await Promise.all([repos.placements.desk(), repos.organisation.schools()]);
    rows.value = desk.rows;
    reuseMonths.value = desk.reuseMonths;
    schools.value = allSchools;
    loading.value = false;
  }
  const stop = repos.onTablesChange(['experiences', 'employers', 'pupils', 'settings'], () => void load());
  onBeforeUnmount(stop);
  void load();

  const lines = computed<DeskLine[]>(() => {
    const today = repos.clock.today();
    const schoolNames = new Map(schools.value.map((s) => [s.id, s.name]));
    return rows.value.map((row) => {
      const facts = deskFacts(row.experience, row.pupil);
      const schoolId = row.pupil?.schoolId ?? null;
      return {
        row,
        facts,
        pupilName: row.pupil ? displayName(row.pupil) : 'Young person no longer recorded',
        schoolId,
        schoolName: (schoolId && schoolNames.get(schoolId)) || 'No school recorded',
        yearGroup: row.pupil ? yearGroupOf(row.pupil, row.placement.start) : null,
        employerName: row.employer ? employerLabel(row.employer) : 'Employer no longer recorded',
        dates: `${formatUkDate(row.placement.start)} to ${formatUkDate(row.placement.end)}`,
        nextStep: nextStepWords(facts, row.employer, { today, reuseMonths: reuseMonths.value }),
        needsAction: needsAction(facts, today),
      };
    });
  });

  const shown = computed(() => {
    const f = filters.value;
    return lines.value.filter(
      (line) =>
        (f.schoolId === null || line.schoolId === f.schoolId) &&
        (f.yearGroup === null || String(line.yearGroup) === f.yearGroup) &&
        (f.employerId === null || line.row.placement.employerId === f.employerId) &&
        (f.status === null || line.facts.status === f.status) &&
        (f.from === '' || line.facts.end >= f.from) &&
        (f.to === '' || line.facts.start <= f.to) &&
        (!f.needsActionOnly || line.needsAction),
    );
  });

  const employers = computed(() => {
    const byId = new Map<string, string>();
    for (const line of lines.value) byId.set(line.row.placement.employerId, line.employerName);
    return [...byId].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  });

  return { lines, shown, schools, employers, reuseMonths, loading, reload: load };
}
