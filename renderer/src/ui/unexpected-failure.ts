// The app's last safety net: a failure that no screen caught (a handler or a watcher that threw) is said in a
// banner at the top of the window (UnexpectedFailureBanner.vue), instead of being lost in the developer console
// while the screen looks as if the step had worked. Screens still catch what they expect and say it beside it.
import { ref } from 'vue';
import { unexpectedFailureInWords } from './failure-words';

/** What the banner says; null when nothing has failed since it was last dismissed. */
export const unexpectedFailure = ref<string | null>(null);

/** For the app's error handler (app/mount.ts): the raw error goes to the developer console only. */
export function reportUnexpectedFailure(error: unknown): void {
  console.error('A failure no screen caught', error);
  unexpectedFailure.value = unexpectedFailureInWords(error);
}

export function dismissUnexpectedFailure(): void {
  unexpectedFailure.value = null;
}
