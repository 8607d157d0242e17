import type { Adviser, School } from './organisation';
import type { Pupil } from './pupil';
import type { ActionPlan, GuidanceSession } from './guidance';
import type { Employer } from './employer';
import type { WorkplaceExperience } from './experience';
import type { Provider, Route } from './routes';
import type { DestinationEntry } from './destination';

/** A whole caseload's records: what demo data, imports, backups and benchmarks move in one piece. */
export interface CaseloadDataset {
  schools: School[];
  advisers: Adviser[];
  pupils: Pupil[];
  sessions: GuidanceSession[];
  actionPlans: ActionPlan[];
  employers: Employer[];
  experiences: WorkplaceExperience[];
  destinations: DestinationEntry[];
  providers: Provider[];
  routes: Route[];
}

export const DATASET_TABLES = [
  'schools',
  'advisers',
  'pupils',
  'sessions',
  'actionPlans',
  'employers',
  'experiences',
  'destinations',
  'providers',
  'routes',
] as const satisfies readonly (keyof CaseloadDataset)[];
