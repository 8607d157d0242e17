import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
import {
  actionPlanSchema,
  adviserSchema,
  employerSchema,
  guidanceSessionSchema,
  experienceSchema,
  providerSchema,
  pupilSchema,
  routeSchema,
  schoolSchema,
} from '@shared/model';
import { isValidUln, isValidUpn, normalisePostcode } from '@shared/identifiers';
import { findOutcode, FE_COLLEGES } from '@shared/reference';
import { yearGroupOn } from '@shared/academic-year';

const today = '2026-11-24';
const dataset = generateDemoDataset({ seed: 42, today });

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateDemoDataset({ seed: 42, today })).toEqual(dataset);
    expect(
      generateDemoDataset({ seed: 43, today }).pupils[0]!.legalSurname + generateDemoDataset({ seed: 43, today }).pupils[1]!.id,
    ).not.toBe(dataset.pupils[0]!.legalSurname + dataset.pupils[1]!.id);
  });

  it('produces records that pass their schemas', () => {
    const checks = [
      [schoolSchema, dataset.schools],
      [adviserSchema, dataset.advisers],
      [pupilSchema, dataset.pupils],
      [guidanceSessionSchema, dataset.sessions],
      [actionPlanSchema, dataset.actionPlans],
      [employerSchema, dataset.employers],
      [experienceSchema, dataset.experiences],
      [providerSchema, dataset.providers],
      [routeSchema, dataset.routes],
    ] as const;
    for (const [schema, rows] of checks) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const result = schema.safeParse(row);
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      }
    }
  });

  it('has school pupils with valid UPNs and home-educated young people without', () => {
    const atSchool = dataset.pupils.filter((p) => !p.homeEducated);
    const homeEducated = dataset.pupils.filter((p) => p.homeEducated);
    expect(homeEducated.length).toBeGreaterThan(5);
    expect(atSchool.every((p) => p.upn !== null && isValidUpn(p.upn))).toBe(true);
    expect(homeEducated.every((p) => p.upn === null && p.schoolId === null && p.liaisonOfficerId !== null)).toBe(true);
    expect(dataset.pupils.filter((p) => p.uln !== null).every((p) => isValidUln(p.uln!))).toBe(true);
  });

  it('gives real Kent and Medway postcodes, Years 8 to 13, and year groups that match the dates of birth', () => {
    for (const pupil of dataset.pupils) {
      expect(normalisePostcode(pupil.postcode!)).toBe(pupil.postcode);
      expect(findOutcode(pupil.outcode)).toBeDefined();
      expect(pupil.yearGroupOverride).toBeNull();
      expect(yearGroupOn(pupil.dateOfBirth, today)).toBeGreaterThanOrEqual(8);
      expect(yearGroupOn(pupil.dateOfBirth, today)).toBeLessThanOrEqual(13);
    }
    expect(new Set(dataset.schools.map((s) => s.district)).size).toBeGreaterThanOrEqual(4);
  });

  it('has a plausible spread of characteristics and risk bands', () => {
    const share = (test: (p: (typeof dataset.pupils)[number]) => boolean) => dataset.pupils.filter(test).length / dataset.pupils.length;
    expect(share((p) => p.characteristics.freeSchoolMeals)).toBeGreaterThan(0.1);
    expect(share((p) => p.characteristics.freeSchoolMeals)).toBeLessThan(0.45);
    expect(share((p) => p.characteristics.ehcp)).toBeGreaterThan(0);
    expect(new Set(dataset.pupils.map((p) => p.riskBand))).toEqual(new Set(['low', 'medium', 'high']));
  });

  it('has employers across sectors and routes at the real FE colleges', () => {
    expect(new Set(dataset.employers.map((e) => e.sector)).size).toBeGreaterThanOrEqual(10);
    for (const college of FE_COLLEGES) expect(dataset.providers.some((p) => p.name === college.name)).toBe(true);
    const collegeIds = new Set(dataset.providers.filter((p) => p.kind === 'fe-college').map((p) => p.id));
    expect(dataset.routes.filter((r) => collegeIds.has(r.providerId)).length).toBeGreaterThan(50);
  });

  it('records past sessions only, and the latest guidance meeting on each pupil', () => {
    expect(dataset.sessions.every((s) => s.date < today)).toBe(true);
    const pupil = dataset.pupils.find((p) => p.lastGuidanceOn !== null)!;
    const latest = dataset.sessions
      .filter((s) => s.pupilId === pupil.id && (s.kind === 'personal-guidance' || s.kind === 'home-visit'))
      .map((s) => s.date)
      .sort()
      .at(-1);
    expect(pupil.lastGuidanceOn).toBe(latest);
  });

  it('marks every record as demo data so it can be cleared', () => {
    expect(dataset.pupils.every((p) => p.isDemo) && dataset.employers.every((e) => e.isDemo)).toBe(true);
  });
});
