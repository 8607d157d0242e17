// Returns: the aggregate return and pseudonymised extracts, previewed and exported.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
import { defineAsyncComponent } from 'vue';

/** The council files' settings (agreements, the council's recipient, the risk-of-NEET list's days), loaded when Settings shows it. */
export const CouncilFilesSettings = defineAsyncComponent(() => import('./CouncilFilesSettings.vue'));
