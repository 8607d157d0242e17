// PDF action plans, one or a batch, and the pdfmake loader: the public surface of features/pdf.
export { default as ExportPlanButton } from './ExportPlanButton.vue';
export { default as BatchExportDialog } from './BatchExportDialog.vue';
export { renderPdf } from './pdfmake';
