/**
 * Risk of NEET (not in education, employment or training) for pupils in Years 8 to 11.
 * Each factor that applies adds its weight; the total sets the band. Factors and weights are shown
 * to the adviser beside the score, and the weights can be changed in Settings.
 */
import type { Characteristics } from '../model/pupil';

/** What the score reads. Not the year group: the band is the same whatever the date, so it can be stored. */
export interface RiskInputs {
  characteristics: Characteristics;
  homeEducated: boolean;
}

/** Attendance below this per cent is low (persistent absence: missing 10% or more of sessions). */
export const LOW_ATTENDANCE_BELOW = 90;

/** Attendance is known and below LOW_ATTENDANCE_BELOW. */
export function hasLowAttendance(characteristics: Pick<Characteristics, 'attendancePercent'>): boolean {
  return characteristics.attendancePercent !== null && characteristics.attendancePercent < LOW_ATTENDANCE_BELOW;
}

export const RISK_FACTORS = [
  {
    id: 'low-attendance',
    label: `Attendance below ${LOW_ATTENDANCE_BELOW}%`,
    defaultWeight: 3,
    applies: (i: RiskInputs) => hasLowAttendance(i.characteristics),
  },
  {
    id: 'exclusions',
    label: 'Suspended or excluded this year',
    defaultWeight: 3,
    applies: (i: RiskInputs) => i.characteristics.exclusions > 0,
  },
  {
    id: 'sen-support',
    label: 'SEN support',
    defaultWeight: 1,
    applies: (i: RiskInputs) => i.characteristics.senSupport && !i.characteristics.ehcp,
  },
  { id: 'ehcp', label: 'Education, health and care plan', defaultWeight: 2, applies: (i: RiskInputs) => i.characteristics.ehcp },
  {
    id: 'looked-after',
    label: 'Looked after or care leaver',
    defaultWeight: 3,
    applies: (i: RiskInputs) => i.characteristics.lookedAfter || i.characteristics.careLeaver,
  },
  { id: 'young-carer', label: 'Young carer', defaultWeight: 2, applies: (i: RiskInputs) => i.characteristics.youngCarer },
  {
    id: 'young-parent',
    label: 'Young parent or pregnant',
    defaultWeight: 3,
    applies: (i: RiskInputs) => i.characteristics.youngParentOrPregnant,
  },
  { id: 'eal', label: 'English as an additional language', defaultWeight: 1, applies: (i: RiskInputs) => i.characteristics.eal },
  { id: 'free-school-meals', label: 'Free school meals', defaultWeight: 1, applies: (i: RiskInputs) => i.characteristics.freeSchoolMeals },
  {
    id: 'youth-justice',
    label: 'Contact with youth justice',
    defaultWeight: 3,
    applies: (i: RiskInputs) => i.characteristics.youthJustice,
  },
  {
    id: 'off-site-or-home-educated',
    label: 'Educated off-site or home educated',
    defaultWeight: 2,
    applies: (i: RiskInputs) => i.characteristics.educatedOffSite || i.homeEducated,
  },
  {
    id: 'health-condition',
    label: 'Long-term health condition or disability',
    defaultWeight: 2,
    applies: (i: RiskInputs) => i.characteristics.healthCondition,
  },
] as const;
export type RiskFactorId = (typeof RISK_FACTORS)[number]['id'];

export type RiskBand = 'low' | 'medium' | 'high';
export const RISK_BANDS = [
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Medium' },
  { id: 'high', label: 'High' },
] as const satisfies readonly { id: RiskBand; label: string }[];

/** Totals at or above these set the band. */
export const DEFAULT_BAND_THRESHOLDS = { medium: 3, high: 6 } as const;

export type RiskWeights = Partial<Record<string, number>>;

export interface RiskAssessment {
  score: number;
  band: RiskBand;
  /** Each factor that applied, with the points it added: what the adviser sees beside the band. */
  reasons: { factorId: RiskFactorId; label: string; points: number }[];
}

/** The score is meant for Years 8 to 11; outside those years the band is shown for information. */
export function inRiskScoredYears(yearGroup: number): boolean {
  return yearGroup >= 8 && yearGroup <= 11;
}

export function defaultRiskWeights(): Record<RiskFactorId, number> {
  return Object.fromEntries(RISK_FACTORS.map((f) => [f.id, f.defaultWeight])) as Record<RiskFactorId, number>;
}

export function bandForScore(score: number, thresholds: { medium: number; high: number } = DEFAULT_BAND_THRESHOLDS): RiskBand {
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

export function assessRisk(inputs: RiskInputs, weights: RiskWeights = {}): RiskAssessment {
  const reasons: RiskAssessment['reasons'] = [];
  for (const factor of RISK_FACTORS) {
    if (!factor.applies(inputs)) continue;
    const points = weights[factor.id] ?? factor.defaultWeight;
    if (points > 0) reasons.push({ factorId: factor.id, label: factor.label, points });
  }
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  return { score, band: bandForScore(score), reasons };
}

/** Priority groups get extra weight in placement allocation and are flagged on the pupil page. */
export function priorityReasons(inputs: RiskInputs & { riskBand?: RiskBand | null }): string[] {
  const reasons: string[] = [];
  if (inputs.homeEducated) reasons.push('Home educated');
  if (inputs.characteristics.lookedAfter) reasons.push('Looked after');
  if (inputs.characteristics.ehcp) reasons.push('Education, health and care plan');
  if (inputs.riskBand === 'high') reasons.push('High risk of NEET');
  return reasons;
}
