import type { Collection, InsertType } from 'dexie';
import { providerSchema, routeSchema, type Provider, type Route } from '@shared/model';
import { compareProviders, compareRoutes, matchesRouteFilters, type RouteFilters } from '@shared/routes/list';
import type { CareersDeskDb } from './schema';
import { putAudited, stampsFor } from './audited-save';

export type RouteInput = Omit<Route, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
export type ProviderInput = Omit<Provider, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/** A route with the provider that runs it, as the directory lists it. */
export interface RouteRow {
  route: Route;
  provider: Provider | undefined;
  providerName: string;
}

/**
 * Adds or updates a post-16 route, with its audit entry, in one transaction. The previous version of
 * an edited record is kept in the audit entry. Throws (and writes nothing) when the record is invalid
 * or its provider is not recorded: forms check it first with checkRouteForm (shared/routes/form).
 */
export async function saveRoute(db: CareersDeskDb, input: RouteInput, actorId: string | null, now: Date = new Date()): Promise<Route> {
  return db.transaction('rw', [db.routes, db.providers, db.audit], async () => {
    const existing = input.id ? await db.routes.get(input.id) : undefined;
    const route = routeSchema.parse({ ...input, ...stampsFor(existing, input.id, now) });
    const provider = await db.providers.get(route.providerId);
    if (!provider) throw new Error('The provider of this route is no longer recorded.');
    return putAudited(
      db,
      db.routes,
      route,
      {
        actorId,
        entity: 'route',
        pupilId: null,
        existing,
        summary: (added) => `${added ? 'Added' : 'Updated'} the route ${route.title} at ${provider.name}`,
      },
      now,
    );
  });
}

export function getRoute(db: CareersDeskDb, id: string): Promise<Route | undefined> {
  return db.routes.get(id);
}

/**
 * Adds or updates a provider and its campuses, with its audit entry, in one transaction. Throws (and
 * writes nothing) when the record is invalid: forms check it first with checkProviderForm.
 */
export async function saveProvider(
  db: CareersDeskDb,
  input: ProviderInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Provider> {
  return db.transaction('rw', [db.providers, db.audit], async () => {
    const existing = input.id ? await db.providers.get(input.id) : undefined;
    const provider = providerSchema.parse({ ...input, ...stampsFor(existing, input.id, now) });
    return putAudited(
      db,
      db.providers,
      provider,
      {
        actorId,
        entity: 'provider',
        pupilId: null,
        existing,
        summary: (added) => `${added ? 'Added' : 'Updated'} the provider ${provider.name}`,
      },
      now,
    );
  });
}

export function getProvider(db: CareersDeskDb, id: string): Promise<Provider | undefined> {
  return db.providers.get(id);
}

/** Every provider, by name (a short table: colleges, sixth forms, training providers, programmes). */
export async function listProviders(db: CareersDeskDb): Promise<Provider[]> {
  return (await db.providers.orderBy('name').toArray()).sort(compareProviders);
}

/** How many routes name each of a provider's campuses, so a campus in use is not removed. */
export async function campusesInUse(db: CareersDeskDb, providerId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.routes
    .where('providerId')
    .equals(providerId)
    .each((route) => {
      if (route.campusId) counts.set(route.campusId, (counts.get(route.campusId) ?? 0) + 1);
    });
  return counts;
}

/**
 * The routes directory: the most selective index answers first (provider, then kind, then sector),
 * and only that subset is checked against the other filters and the text. Sorted by provider and title.
 */
export async function findRoutes(db: CareersDeskDb, filters: RouteFilters): Promise<RouteRow[]> {
  let candidates: Collection<Route, string, InsertType<Route, 'id'>>;
  if (filters.providerId) candidates = db.routes.where('providerId').equals(filters.providerId);
  else if (filters.kind) candidates = db.routes.where('kind').equals(filters.kind);
  else if (filters.sector) candidates = db.routes.where('sector').equals(filters.sector);
  else candidates = db.routes.toCollection();
  const [routes, providers] = await Promise.all([candidates.toArray(), db.providers.toArray()]);
  const byId = new Map(providers.map((p) => [p.id, p]));
  const rows: RouteRow[] = [];
  for (const route of routes) {
    const provider = byId.get(route.providerId);
    const providerName = provider?.name ?? 'Provider not recorded';
    if (matchesRouteFilters(route, providerName, filters)) rows.push({ route, provider, providerName });
  }
  return rows.sort(compareRoutes);
}
