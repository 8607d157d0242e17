import { describe, expect, it } from 'vitest';
import { characteristicsSchema } from '@shared/model';
import { assessRisk, bandForScore, inRiskScoredYears, priorityReasons } from '@shared/risk';

const none = characteristicsSchema.parse({});

describe('risk of NEET', () => {
  it('scores a pupil with no factors as low, with no reasons', () => {
    const result = assessRisk({ characteristics: none, homeEducated: false });
    expect(result).toMatchObject({ score: 0, band: 'low', reasons: [] });
  });

  it("adds each factor's weight and names it among the reasons", () => {
    const result = assessRisk({ characteristics: { ...none, attendancePercent: 85, youngCarer: true }, homeEducated: false });
    expect(result.score).toBe(5);
    expect(result.band).toBe('medium');
    expect(result.reasons.map((r) => r.label)).toEqual(['Attendance below 90%', 'Young carer']);
  });

  it('does not count attendance of exactly 90% or an unknown attendance', () => {
    expect(assessRisk({ characteristics: { ...none, attendancePercent: 90 }, homeEducated: false }).score).toBe(0);
    expect(assessRisk({ characteristics: { ...none, attendancePercent: null }, homeEducated: false }).score).toBe(0);
  });

  it('uses weights from Settings in place of the defaults, and drops factors weighted 0', () => {
    const inputs = { characteristics: { ...none, eal: true, freeSchoolMeals: true }, homeEducated: false };
    expect(assessRisk(inputs).score).toBe(2);
    const changed = assessRisk(inputs, { eal: 0, 'free-school-meals': 6 });
    expect(changed.score).toBe(6);
    expect(changed.band).toBe('high');
    expect(changed.reasons).toEqual([{ factorId: 'free-school-meals', label: 'Free school meals', points: 6 }]);
  });

  it('counts home education as a factor and flags home-educated, looked-after and EHCP young people as priority', () => {
    const result = assessRisk({ characteristics: none, homeEducated: true });
    expect(result.reasons.map((r) => r.factorId)).toEqual(['off-site-or-home-educated']);
    expect(priorityReasons({ characteristics: { ...none, lookedAfter: true, ehcp: true }, homeEducated: true })).toEqual([
      'Home educated',
      'Looked after',
      'Education, health and care plan',
    ]);
    expect(priorityReasons({ characteristics: none, homeEducated: false, riskBand: 'high' })).toEqual(['High risk of NEET']);
  });

  it('sets bands at 3 (medium) and 6 (high)', () => {
    expect([0, 2, 3, 5, 6, 20].map((s) => bandForScore(s))).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('notes when the pupil is outside Years 8 to 11', () => {
    expect([7, 8, 11, 12].map(inRiskScoredYears)).toEqual([false, true, true, false]);
  });
});
