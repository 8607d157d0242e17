// Who is using this computer: for now the lock (the current adviser is still in features/settings).
export { default as LockScreen } from './LockScreen.vue';
export { default as LockPanel } from './LockPanel.vue';
