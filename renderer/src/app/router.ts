import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { SECTIONS } from './sections';

// Each capability's pages, with the section of the navigation they belong to. Each view is imported lazily by its
// own path, not through its feature's index.ts, so that every view stays a chunk of its own.
const capabilityRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('../features/today/TodayView.vue'), meta: { section: 'home', title: 'Today' } },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('../features/dashboard/DashboardView.vue'),
    meta: { section: 'dashboard', title: 'Dashboard' },
  },
  {
    path: '/pupils',
    name: 'pupils',
    component: () => import('../features/pupils/PupilListView.vue'),
    meta: { section: 'pupils', title: 'Young people' },
  },
  {
    path: '/pupils/new',
    name: 'pupil-new',
    component: () => import('../features/pupils/PupilFormView.vue'),
    meta: { section: 'pupils', title: 'Add a young person' },
  },
  {
    path: '/pupils/:pupilId',
    name: 'pupil',
    component: () => import('../features/pupils/PupilPageView.vue'),
    props: true,
    meta: { section: 'pupils', title: 'Young person' },
  },
  {
    path: '/pupils/:pupilId/edit',
    name: 'pupil-edit',
    component: () => import('../features/pupils/PupilFormView.vue'),
    props: true,
    meta: { section: 'pupils', title: 'Edit a young person' },
  },
  {
    path: '/pupils/:pupilId/destinations/new',
    name: 'destination-new',
    component: () => import('../features/destinations/DestinationEntryView.vue'),
    props: true,
    meta: { section: 'pupils', title: 'Record a destination' },
  },
  {
    path: '/pupils/:pupilId/destinations/:entryId/edit',
    name: 'destination-edit',
    component: () => import('../features/destinations/DestinationEntryView.vue'),
    props: true,
    meta: { section: 'pupils', title: 'Edit a destination' },
  },
  {
    path: '/pupils/:pupilId/sessions/new',
    name: 'session-new',
    component: () => import('../features/sessions/SessionEditorView.vue'),
    props: true,
    meta: { section: 'sessions', title: 'Record a guidance session' },
  },
  {
    path: '/sessions/:sessionId/edit',
    name: 'session-edit',
    component: () => import('../features/sessions/SessionEditorView.vue'),
    props: true,
    meta: { section: 'sessions', title: 'Edit a guidance session' },
  },
  {
    path: '/pupils/:pupilId/plans/new',
    name: 'plan-new',
    component: () => import('../features/sessions/ActionPlanEditorView.vue'),
    props: (r) => ({ pupilId: r.params.pupilId, sessionId: r.query.sessionId ?? null }),
    meta: { section: 'sessions', title: 'Agree an action plan' },
  },
  {
    path: '/plans/:planId',
    name: 'plan',
    component: () => import('../features/sessions/ActionPlanEditorView.vue'),
    props: true,
    meta: { section: 'sessions', title: 'Action plan' },
  },
  {
    path: '/sessions',
    name: 'sessions',
    component: () => import('../features/sessions/SessionsView.vue'),
    meta: { section: 'sessions', title: 'Sessions' },
  },
  {
    path: '/destinations',
    name: 'destinations',
    component: () => import('../features/destinations/DestinationWorkListsView.vue'),
    meta: { section: 'destinations', title: 'Destinations' },
  },
  {
    path: '/employers',
    name: 'employers',
    component: () => import('../features/employers/EmployerListView.vue'),
    meta: { section: 'employers', title: 'Employers' },
  },
  {
    path: '/employers/new',
    name: 'employer-new',
    component: () => import('../features/employers/EmployerFormView.vue'),
    meta: { section: 'employers', title: 'Add an employer' },
  },
  {
    path: '/employers/:employerId',
    name: 'employer',
    component: () => import('../features/employers/EmployerPageView.vue'),
    props: true,
    meta: { section: 'employers', title: 'Employer' },
  },
  {
    path: '/employers/:employerId/edit',
    name: 'employer-edit',
    component: () => import('../features/employers/EmployerFormView.vue'),
    props: true,
    meta: { section: 'employers', title: 'Edit an employer' },
  },
  {
    path: '/placements',
    name: 'placements',
    component: () => import('../features/placements/PlacementsDeskView.vue'),
    meta: { section: 'placements', title: 'Placements' },
  },
  {
    path: '/placements/allocations/:allocationId',
    name: 'confirmed-allocation',
    component: () => import('../features/matching/ConfirmedAllocationView.vue'),
    props: true,
    meta: { section: 'placements', title: 'A confirmed allocation' },
  },
  {
    path: '/placements/:placementId/paperwork',
    name: 'placement-paperwork',
    component: () => import('../features/placements/PlacementPaperworkView.vue'),
    props: true,
    meta: { section: 'placements', title: 'Consent and paperwork for a placement' },
  },
  {
    path: '/routes',
    name: 'routes',
    component: () => import('../features/routes/RouteListView.vue'),
    meta: { section: 'routes', title: 'Routes' },
  },
  {
    path: '/routes/new',
    name: 'route-new',
    component: () => import('../features/routes/RouteFormView.vue'),
    meta: { section: 'routes', title: 'Add a route' },
  },
  {
    path: '/routes/:routeId/edit',
    name: 'route-edit',
    component: () => import('../features/routes/RouteFormView.vue'),
    props: true,
    meta: { section: 'routes', title: 'Edit a route' },
  },
  {
    path: '/matching',
    name: 'matching',
    component: () => import('../features/matching/MatchingView.vue'),
    meta: { section: 'matching', title: 'Matching' },
  },
  {
    path: '/pupils/:pupilId/matches',
    name: 'pupil-matches',
    component: () => import('../features/matching/PupilMatchesView.vue'),
    props: true,
    meta: { section: 'matching', title: 'Matches for a young person' },
  },
  {
    path: '/experiences/cohort',
    name: 'experiences',
    component: () => import('../features/experiences/ExperienceCohortView.vue'),
    meta: { section: 'experiences', title: 'Work experience' },
  },
  {
    path: '/experiences/new',
    name: 'experience-new',
    component: () => import('../features/experiences/ExperienceFormView.vue'),
    meta: { section: 'pupils', title: 'Record a workplace experience' },
  },
  {
    path: '/experiences/:experienceId/edit',
    name: 'experience-edit',
    component: () => import('../features/experiences/ExperienceFormView.vue'),
    props: true,
    meta: { section: 'pupils', title: 'Edit a workplace experience' },
  },
  {
    path: '/compass',
    name: 'compass',
    component: () => import('../features/compass/CompassView.vue'),
    meta: { section: 'compass', title: 'Compass evaluation' },
  },
  {
    path: '/returns',
    name: 'returns',
    component: () => import('../features/returns/ReturnsView.vue'),
    meta: { section: 'returns', title: 'Returns' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('../features/settings/SettingsView.vue'),
    meta: { section: 'settings', title: 'Settings' },
  },
  { path: '/data', name: 'data', component: () => import('./DataView.vue'), meta: { section: 'data', title: 'Data' } },
  {
    path: '/data/audit',
    name: 'audit',
    component: () => import('../features/audit/AuditLogView.vue'),
    meta: { section: 'data', title: 'Audit log' },
  },
];

// Sections not built yet show NotYetBuilt; each capability adds its own routes above.
const routes: RouteRecordRaw[] = [
  ...capabilityRoutes,
  ...SECTIONS.filter((section) => !capabilityRoutes.some((r) => r.path === section.path)).map((section) => ({
    path: section.path,
    name: section.name,
    component: () => import('./NotYetBuilt.vue'),
    meta: { section: section.name, title: section.label },
  })),
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

// Hash history: app://careers-desk serves files only (no fallback to index.html for other paths),
// and the browser build is served as plain files too, so routes live in the hash.
export const router = createRouter({ history: createWebHashHistory(), routes });

/**
 * Starts loading the code of the page the address names, before the app mounts: at start the router would ask for
 * it only once the records are open and the app mounted, so fetching and compiling it then overlaps nothing.
 */
export function preloadFirstPage(): void {
  const wanted = router.resolve(window.location.hash.replace(/^#/, '') || '/');
  for (const record of wanted.matched) {
    const component = record.components?.default;
    // A lazily loaded page is a function returning its module's promise; the module loader keeps it for the router.
    if (typeof component === 'function' && !('__vccOpts' in component) && !('render' in component)) {
      void (component as () => Promise<unknown>)().catch(() => undefined);
    }
  }
}

/**
 * Follows an address changed while the first page was still loading. The router only listens to the address once
 * its first navigation has finished, and that navigation then writes its own address back, so a change before then
 * (a link opened into the browser build, a test's `goto`) would be lost and the window would stay on the first page.
 * Call it as the app mounts.
 */
export async function followAddressChangedDuringStart(): Promise<void> {
  let changedTo: string | null = null;
  const remember = (): void => {
    changedTo = window.location.hash.replace(/^#/, '') || '/';
  };
  window.addEventListener('hashchange', remember);
  try {
    await router.isReady();
  } finally {
    window.removeEventListener('hashchange', remember);
  }
  if (changedTo !== null && router.resolve(changedTo).fullPath !== router.currentRoute.value.fullPath) {
    await router.replace(changedTo);
  }
}

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : 'Careers Desk';
  document.title = title === 'Home' ? 'Careers Desk' : `${title} – Careers Desk`;
});
