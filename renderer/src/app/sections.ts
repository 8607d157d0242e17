// The app's sections, in the order the navigation shows them. Each later capability fills one.
export interface Section {
  readonly path: string;
  readonly name: string;
  readonly label: string;
  /** What the section is for, in the users' words: shown on pages not built yet. */
  readonly purpose: string;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', name: 'home', label: 'Today', purpose: 'What is waiting on you today: reviews, overdue actions, placements and drafts.' },
  { path: '/dashboard', name: 'dashboard', label: 'Dashboard', purpose: 'Charts and figures of the caseload for the careers leader.' },
  {
    path: '/pupils',
    name: 'pupils',
    label: 'Young people',
    purpose: 'Find a young person, see their history and record a guidance session.',
  },
  { path: '/sessions', name: 'sessions', label: 'Sessions', purpose: 'Guidance sessions and the open actions from action plans.' },
  {
    path: '/destinations',
    name: 'destinations',
    label: 'Destinations',
    purpose: 'Who needs asking where they are going or went: plans, September Guarantee offers, 1 November and later checks.',
  },
  { path: '/employers', name: 'employers', label: 'Employers', purpose: 'Employers, their work-experience offers and safety checks.' },
  {
    path: '/placements',
    name: 'placements',
    label: 'Placements',
    purpose: 'Every work placement, its next step, consent and paperwork, and several moved on at once.',
  },
  {
    path: '/routes',
    name: 'routes',
    label: 'Routes',
    purpose: 'Post-16 providers and routes: colleges, sixth forms, apprenticeships and programmes.',
  },
  {
    path: '/matching',
    name: 'matching',
    label: 'Matching',
    purpose: 'Match a young person to employers and routes, or allocate a year group to placements.',
  },
  {
    path: '/experiences/cohort',
    name: 'experiences',
    label: 'Work experience',
    purpose: "Who in a year group is short of a week's worth of workplace experience, and the figures for Compass.",
  },
  {
    path: '/compass',
    name: 'compass',
    label: 'Compass',
    purpose: "A school's figures for the termly Compass evaluation, benchmark by benchmark, with the termly snapshots kept.",
  },
  {
    path: '/returns',
    name: 'returns',
    label: 'Returns',
    purpose: 'Anonymised returns for the council and partners, with small numbers suppressed.',
  },
  { path: '/data', name: 'data', label: 'Data', purpose: 'Import from a school MIS, back up, restore and merge data.' },
  { path: '/settings', name: 'settings', label: 'Settings', purpose: 'The service, schools, advisers and demo data.' },
];
