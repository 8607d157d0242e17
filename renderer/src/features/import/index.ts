// CSV import of young people and employers: the public surface of features/import.
export { default as ImportPanel } from './ImportPanel.vue';
export { default as ImportWizard } from './ImportWizard.vue';
export { usePupilImport } from './pupil-import';
export { useEmployerImport } from './employer-import';
