import type { Pupil } from '../model/pupil';
import { ageOn, yearGroupOf } from '../academic-year';
import { SIGNPOSTS } from '../reference/providers';

export type Signpost = (typeof SIGNPOSTS)[number];

type SignpostId = Signpost['id'];

/** Who each programme is for, read from the young person's year group, age and circumstances. */
const RULES: Record<SignpostId, (p: { yearGroup: number; age: number; ehcp: boolean; health: boolean }) => boolean> = {
  'kent-choices': ({ yearGroup }) => yearGroup === 11 || yearGroup === 12,
  apprenticeships: ({ yearGroup, age }) => yearGroup >= 11 || age >= 16,
  't-levels': ({ yearGroup, age }) => yearGroup >= 10 && yearGroup <= 12 && age <= 19,
  'supported-internships': ({ ehcp, yearGroup, age }) => ehcp && (yearGroup >= 11 || age >= 16) && age <= 24,
  'skills-bootcamps': ({ age }) => age >= 19,
  'connect-to-work': ({ ehcp, health, age }) => (ehcp || health) && age >= 16,
  'youth-hubs': ({ age }) => age >= 18 && age <= 24,
  'jobcentre-plus': ({ age }) => age >= 18,
};

/**
 * The programmes and services worth naming on this young person's plan, in the reference list's order:
 * Kent Choices for Year 11 and 12, Skills Bootcamps from 19, Connect to Work with a health condition or
 * an EHCP, Youth Hubs from 18 to 24, and so on. `today` is an ISO date.
 */
export function relevantSignposts(pupil: Pick<Pupil, 'yearGroupOverride' | 'dateOfBirth' | 'characteristics'>, today: string): Signpost[] {
  const facts = {
    yearGroup: yearGroupOf(pupil, today),
    age: ageOn(pupil.dateOfBirth, today),
    ehcp: pupil.characteristics.ehcp,
    health: pupil.characteristics.healthCondition,
  };
  return SIGNPOSTS.filter((signpost) => RULES[signpost.id](facts));
}
