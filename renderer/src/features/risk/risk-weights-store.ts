import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Checked } from '@shared/model';
import { defaultRiskWeights, type RiskFactorId } from '@shared/risk';
import type { RiskRecomputation } from '../../db/organisation';
import { useRepositories } from '../../db/repositories';
import { formatNumber } from '@shared/numbers';

export type RiskWeightValues = Record<RiskFactorId, number>;

/** The risk-of-NEET weights, and recomputing every young person's band when they change. */
export const useRiskWeightsStore = defineStore('risk-weights', () => {
  const repos = useRepositories();
  const riskWeights = ref<RiskWeightValues>(defaultRiskWeights());
  const busy = ref(false);
  /** "Recomputing risk bands: 2,000 of 10,000 young people…" while weights are being applied. */
  const riskProgress = ref('');

  async function load(): Promise<void> {
    const weights = await repos.settings.get('riskWeights');
    riskWeights.value = { ...defaultRiskWeights(), ...(weights as Partial<RiskWeightValues> | undefined) };
  }

  /** Stores new weights and recomputes every young person's risk band with them. */
  async function saveRiskWeights(weights: RiskWeightValues): Promise<Checked<RiskRecomputation>> {
    busy.value = true;
    riskProgress.value = 'Recomputing risk bands…';
    try {
      const result = await repos.organisation.saveRiskWeights(weights, {
        onProgress: (done, total) => {
          riskProgress.value = `Recomputing risk bands: ${formatNumber(done)} of ` + `${formatNumber(total)} young people…`;
        },
      });
      if (result.ok) riskWeights.value = { ...weights };
      return result;
    } finally {
      riskProgress.value = '';
      busy.value = false;
    }
  }

  return { riskWeights, busy, riskProgress, load, saveRiskWeights };
});
