import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { SECTIONS } from './sections';

// Sections not built yet show NotYetBuilt; each capability replaces its entry with its own view.
const builtViews: Record<string, () => Promise<unknown>> = {
  home: () => import('../features/dashboard/DashboardView.vue'),
  settings: () => import('../features/settings/SettingsView.vue'),
};

const routes: RouteRecordRaw[] = SECTIONS.map((section) => ({
  path: section.path,
  name: section.name,
  component: builtViews[section.name] ?? (() => import('./NotYetBuilt.vue')),
  meta: { title: section.label },
}));
routes.push({ path: '/:pathMatch(.*)*', redirect: '/' });

// Hash history: the built renderer is loaded from file:// in Electron, where paths cannot be served.
export const router = createRouter({ history: createWebHashHistory(), routes });

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : 'Careers Desk';
  document.title = title === 'Home' ? 'Careers Desk' : `${title} – Careers Desk`;
});
