// Records past their retention date: the public surface of features/retention.
export { default as RetentionPanel } from './RetentionPanel.vue';
