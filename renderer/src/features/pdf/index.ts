// PDF action plans, one or a batch, the service details warning and the pdfmake loader: the public surface of features/pdf.
export { default as ExportPlanButton } from './ExportPlanButton.vue';
export { default as BatchExportDialog } from './BatchExportDialog.vue';
export { default as ServiceDetailsWarning } from './ServiceDetailsWarning.vue';
export { renderPdf } from './pdfmake';
