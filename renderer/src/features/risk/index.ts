// The risk of NEET in the renderer: the weights (their store, form rules and Settings panel) and the band's tag.
// The score itself is worked out in shared/risk; the bands are recomputed in db/ (saveRiskWeights).
import { defineAsyncComponent } from 'vue';

export { useRiskWeightsStore, type RiskWeightValues } from './risk-weights-store';
export { default as RiskTag } from './RiskTag.vue';

/**
 * The Settings page's panel of weights, loaded when that page shows it. The weights' store is read at
 * start (settings/load-settings), so anything re-exported here statically is in the start-up chunk.
 */
export const RiskWeightsPanel = defineAsyncComponent(() => import('./RiskWeightsPanel.vue'));
