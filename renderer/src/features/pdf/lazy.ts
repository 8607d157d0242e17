// What features/pdf offers to be loaded when first used: importing this module brings none of the PDF code. The
// pupil list, which the app opens on, offers the batch export; through index.ts its dialog brought the PDF
// templates (and the returns and Compass code they draw on, about 150 KB) into every start.
import { defineAsyncComponent } from 'vue';

/** The batch export's dialog: its code is loaded when it is first drawn. */
export const BatchExportDialog = defineAsyncComponent(() => import('./BatchExportDialog.vue'));

/** What the dialog offers its page once loaded. */
export interface BatchExportDialogHandle {
  open(): void;
}
