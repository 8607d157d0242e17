import { z } from 'zod';
import { check, type Checked } from '@shared/model';
import { RISK_FACTORS, type RiskFactorId } from '@shared/risk';

/** The weights form: one number per factor, empty while the adviser is typing. */
export type RiskWeightsForm = Record<RiskFactorId, number | null>;

const WEIGHT_MESSAGE = 'Enter a number of points from 0 to 20';
const weight = z.number({ message: WEIGHT_MESSAGE }).min(0, { message: WEIGHT_MESSAGE }).max(20, { message: WEIGHT_MESSAGE });

/** Every factor's weight, 0 to 20 as settingSchemas.riskWeights allows, with a message a person can act on. */
const riskWeightsFormSchema = z.object(
  Object.fromEntries(RISK_FACTORS.map((factor) => [factor.id, weight])) as Record<RiskFactorId, typeof weight>,
);

export function checkRiskWeightsForm(form: RiskWeightsForm): Checked<Record<RiskFactorId, number>> {
  return check(riskWeightsFormSchema, form) as Checked<Record<RiskFactorId, number>>;
}
