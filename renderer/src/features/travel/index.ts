// Public transport: the imported timetable (Data page). Journey answers on matches build on it.
export { default as TimetablePanel } from './TimetablePanel.vue';
export { default as StopPicker } from './StopPicker.vue';
export { default as WalkingPanel } from './WalkingPanel.vue';
