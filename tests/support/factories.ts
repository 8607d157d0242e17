/**
 * Records for tests, built once here rather than again in every test file. Each builder parses its
 * defaults and overrides through the record's zod schema, so what it returns is a record the app could
 * have stored. Defaults are the least a record needs; what a test depends on (a date of birth that puts
 * the young person in Year 10 on its "today", an employer's checks) belongs in the test, as an override.
 *
 * Ids and timestamps come from `createFactories`: random ids by default, or a seeded or serial source
 * where a test's output depends on the ids (orderings, pseudonyms).
 */
import type { z } from 'zod';
import { placementRowToExperience } from '@shared/model/upgrades';
import {
  adviserSchema,
  employerSchema,
  guidanceSessionSchema,
  placementOfferSchema,
  placementSchema,
  experienceSchema,
  providerSchema,
  pupilSchema,
  routeSchema,
  schoolSchema,
  type Adviser,
  type Employer,
  type GuidanceSession,
  type Placement,
  type WorkplaceExperience,
  type PlacementOffer,
  type Provider,
  type Pupil,
  type Route,
  type School,
} from '@shared/model';
import type { EmployerInput } from '@renderer/db/employers';
import type { PupilInput } from '@renderer/db/pupils';

/** What a test may set on a record: the schema's input, so nested objects may be partial and defaults left out. */
export type Overrides<Schema extends z.ZodType> = Partial<z.input<Schema>>;

export interface FactoryOptions {
  /** Where ids come from; crypto.randomUUID unless the test needs them repeatable. */
  ids?: { uuid(): string };
  /** createdAt and updatedAt of every record built. */
  stamp?: string;
}

export const DEFAULT_STAMP = '2026-11-24T09:00:00.000Z';
/** A work-experience week that the period of an offer and a placement default to. */
export const DEFAULT_WEEK = { start: '2027-06-14', end: '2027-06-18' } as const;

const randomIds = { uuid: () => crypto.randomUUID() };

export function createFactories({ ids = randomIds, stamp = DEFAULT_STAMP }: FactoryOptions = {}) {
  /** The fields every stored record carries. */
  const record = () => ({ id: ids.uuid(), createdAt: stamp, updatedAt: stamp });

  function pupil(overrides: Overrides<typeof pupilSchema> = {}): Pupil {
    return pupilSchema.parse({ ...record(), legalForename: 'Amelia', legalSurname: 'Turner', dateOfBirth: '2011-03-04', ...overrides });
  }

  /**
   * What a form hands the pupil repository: a valid pupil without the stored-record fields. Overrides
   * go on as given, unchecked, so that a test can offer the repository something it must refuse.
   */
  function pupilInput(overrides: Partial<PupilInput> = {}): PupilInput {
    const { id: _id, createdAt: _c, updatedAt: _u, searchWords: _s, ...fields } = pupil();
    return { ...fields, ...overrides };
  }

  function offer(overrides: Overrides<typeof placementOfferSchema> = {}): PlacementOffer {
    return placementOfferSchema.parse({
      id: ids.uuid(),
      title: 'Work-experience week',
      periods: [{ ...DEFAULT_WEEK, capacity: 2 }],
      ...overrides,
    });
  }

  function employer(overrides: Overrides<typeof employerSchema> = {}): Employer {
    return employerSchema.parse({ ...record(), name: 'Harbour Kitchens', sector: 'hospitality', ...overrides });
  }

  /** What a form hands the employer repository; overrides go on unchecked, as for pupilInput. */
  function employerInput(overrides: Partial<EmployerInput> = {}): EmployerInput {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = employer();
    return { ...fields, ...overrides };
  }

  /** A placement needs the young person and the employer it joins. */
  function placement(overrides: Overrides<typeof placementSchema> & Pick<Placement, 'pupilId' | 'employerId'>): Placement {
    return placementSchema.parse({ ...record(), ...DEFAULT_WEEK, status: 'proposed', ...overrides });
  }

  /** A workplace experience needs the young people it was for and its kind; it is completed unless told. */
  function experience(overrides: Overrides<typeof experienceSchema> & Pick<WorkplaceExperience, 'pupilIds' | 'kind'>): WorkplaceExperience {
    return experienceSchema.parse({ ...record(), ...DEFAULT_WEEK, employerName: 'Harbour Arts Centre', status: 'completed', ...overrides });
  }

  /** A work placement as it is stored: the experience a placement with these fields is (see placement). */
  function workPlacement(overrides: Overrides<typeof placementSchema> & Pick<Placement, 'pupilId' | 'employerId'>): WorkplaceExperience {
    return experienceSchema.parse(placementRowToExperience(placement(overrides)));
  }

  /** A guidance session needs the young person and the day. */
  function session(overrides: Overrides<typeof guidanceSessionSchema> & Pick<GuidanceSession, 'pupilId' | 'date'>): GuidanceSession {
    return guidanceSessionSchema.parse({
      ...record(),
      adviserId: null,
      kind: 'personal-guidance',
      mode: 'in-person',
      durationMinutes: 30,
      ...overrides,
    });
  }

  function school(overrides: Overrides<typeof schoolSchema> = {}): School {
    return schoolSchema.parse({ ...record(), name: 'Margate Harbour School', district: 'thanet', phase: 'secondary', ...overrides });
  }

  function adviser(overrides: Overrides<typeof adviserSchema> = {}): Adviser {
    return adviserSchema.parse({
      ...record(),
      name: 'Quinn Adviser',
      role: 'careers-adviser',
      qualificationLevel: 'level-6-or-above',
      ...overrides,
    });
  }

  function provider(overrides: Overrides<typeof providerSchema> = {}): Provider {
    return providerSchema.parse({ ...record(), name: 'EKC Group', kind: 'fe-college', ...overrides });
  }

  /** A route needs the provider that runs it. */
  function route(overrides: Overrides<typeof routeSchema> & Pick<Route, 'providerId'>): Route {
    return routeSchema.parse({
      ...record(),
      title: 'T Level in Engineering',
      kind: 't-level',
      level: 3,
      applyVia: 'kent-choices',
      ...overrides,
    });
  }

  return {
    record,
    pupil,
    pupilInput,
    offer,
    employer,
    employerInput,
    placement,
    experience,
    workPlacement,
    session,
    school,
    adviser,
    provider,
    route,
  };
}

/** Builders with random ids, for tests that do not care which ids they get. */
export const {
  pupil,
  pupilInput,
  offer,
  employer,
  employerInput,
  placement,
  experience,
  workPlacement,
  session,
  school,
  adviser,
  provider,
  route,
} = createFactories();
