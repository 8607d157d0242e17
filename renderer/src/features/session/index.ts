// Who is using this computer (the current adviser) and the lock: the public surface of features/session.
// LockPanel is not re-exported: only the Data page shows it, and app/DataView.vue names it by path so that
// it stays out of the start-up chunk, which this file is in (the header's adviser picker, the lock screen).
export { useSessionStore } from './store';
export { default as LockScreen } from './LockScreen.vue';
