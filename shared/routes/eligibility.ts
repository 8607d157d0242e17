/**
 * Who a post-16 route is open to, once: the programmes with eligibility rules of their own (whatever a
 * route record says), when a young person still at school could start a route, and the entry
 * requirements subject by subject. Matching (shared/matching) rules out and scores with these.
 */
import type { Characteristics, Pupil } from '../model/pupil';
import type { Route } from '../model/routes';
import type { RouteKindId } from '../reference/lists';
import { academicYearStartInYearGroup, academicYearStarting } from '../academic-year';

/** Ages a programme is for, whatever its route records say: Skills Bootcamps 19+, DWP Youth Hubs 18 to 24. */
export const PROGRAMME_AGES: Partial<Record<RouteKindId, { minimum: number; maximum: number | null; who: string }>> = {
  'skills-bootcamp': { minimum: 19, maximum: null, who: 'Skills Bootcamps are for people aged 19 and over' },
  'youth-hub': { minimum: 18, maximum: 24, who: 'Youth Hubs are for people aged 18 to 24' },
};

/** The ages a route is open to: its own, narrowed by its programme's rule. */
export function routeAges(route: Pick<Route, 'kind' | 'minimumAge' | 'maximumAge'>): {
  minimum: number;
  maximum: number | null;
  /** "Skills Bootcamps are for people aged 19 and over", when the programme sets the ages. */
  who: string | null;
} {
  const programme = PROGRAMME_AGES[route.kind];
  if (!programme) return { minimum: route.minimumAge, maximum: route.maximumAge, who: null };
  const maximums = [route.maximumAge, programme.maximum].filter((a): a is number => a !== null);
  return {
    minimum: Math.max(programme.minimum, route.minimumAge),
    maximum: maximums.length > 0 ? Math.min(...maximums) : null,
    who: programme.who,
  };
}

/**
 * Circumstances a programme is for, read from what the young person's record holds:
 * - supported internships: an education, health and care plan;
 * - Connect to Work: a health condition or disability. The record has no "disability" field, so a
 *   long-term health condition, an EHCP or SEN support counts (special educational needs and
 *   disabilities are recorded together); the adviser confirms with the programme's referral.
 * Returns why the young person is not eligible, or null when they are (or the route has no such rule).
 */
export function circumstancesRuleOut(kind: RouteKindId, characteristics: Characteristics): string | null {
  if (kind === 'supported-internship' && !characteristics.ehcp)
    return 'Supported internships are for young people with an education, health and care plan';
  if (kind === 'connect-to-work' && !meetsConnectToWork(characteristics))
    return (
      'Connect to Work is for people with a health condition or disability; ' +
      'neither is recorded (no health condition, EHCP or SEN support)'
    );
  return null;
}

/** Why the young person fits a programme with a circumstances rule, in words; null when it has none. */
export function circumstancesFit(kind: RouteKindId, characteristics: Characteristics): string | null {
  if (kind === 'supported-internship' && characteristics.ehcp)
    return 'Has an education, health and care plan, which supported internships are for';
  if (kind === 'connect-to-work' && meetsConnectToWork(characteristics)) {
    const what = [
      characteristics.healthCondition ? 'a health condition' : null,
      characteristics.ehcp ? 'an EHCP' : characteristics.senSupport ? 'SEN support' : null,
    ].filter((w): w is string => w !== null);
    return `Has ${what.join(' and ')}, which Connect to Work supports`;
  }
  return null;
}

function meetsConnectToWork(c: Characteristics): boolean {
  return c.healthCondition || c.ehcp || c.senSupport;
}

/** The year group a young person is in when they start post-16 study or training: the September after Year 11. */
export const POST_16_YEAR_GROUP = 12;

/**
 * The September a young person still in Year 11 or below could start a post-16 route: the start of the
 * academic year in which they would be in Year 12. Null for those already in Year 12 or beyond, who
 * can start any intake still to come.
 */
export function post16StartFor(
  pupil: Pick<Pupil, 'dateOfBirth' | 'yearGroupOverride'>,
  currentAcademicYearStart: number,
): { startYear: number; firstDay: string } | null {
  const startYear = academicYearStartInYearGroup(pupil, POST_16_YEAR_GROUP);
  if (startYear <= currentAcademicYearStart) return null;
  return { startYear, firstDay: academicYearStarting(startYear).start };
}

/** The GCSE grade that suggests each level: 4 and above level 3, 3 level 2, lower level 1. */
export function levelForGrade(grade: number): number {
  if (grade >= 4) return 3;
  if (grade === 3) return 2;
  return 1;
}

/**
 * The level a young person's predicted grades suggest for one route, subject by subject. Each grade a
 * route asks for is checked against that subject on its own (see gradeChecks); so that a weak grade in
 * one subject is counted once, in that subject, the level is judged on the stronger predicted grade of
 * the subjects the route asks for, or of English and maths when it asks for neither. A route record can
 * name only English and maths grades: other subjects appear in its notes, shown for the adviser to check,
 * and the record holds no predicted grade for them. Null when no grade to judge by is known.
 */
export function levelSuggestedFor(
  requirements: Pick<Route['entryRequirements'], 'englishGrade' | 'mathsGrade'>,
  predicted: Pupil['predictedGrades'],
): number | null {
  const asksEnglish = requirements.englishGrade !== null;
  const asksMaths = requirements.mathsGrade !== null;
  const judgedBy = asksEnglish !== asksMaths ? [asksEnglish ? predicted.english : predicted.maths] : [predicted.english, predicted.maths];
  const known = judgedBy.filter((g): g is number => g !== null);
  if (known.length === 0) return null;
  return levelForGrade(Math.max(...known));
}
