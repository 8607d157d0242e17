// PDF action plans, one or a batch, the service details warning and the pdfmake loader: the public surface of features/pdf.
// The batch dialog is in lazy.ts, loaded when first opened.
export { default as ExportPlanButton } from './ExportPlanButton.vue';
export { default as ServiceDetailsWarning } from './ServiceDetailsWarning.vue';
export { renderPdf } from './pdfmake';
