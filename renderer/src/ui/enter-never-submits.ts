// Enter in a one-line field must never submit a record form: an adviser typing "apprenticeships" in
// Topics and pressing Enter would otherwise save the whole session and leave the page mid-meeting.
// Put `@keydown.enter="enterNeverSubmits"` on every multi-field record form. Enter still works where
// people expect it: in a text area (a new line), on a button (it presses it), in a select.

const BUTTON_TYPES = new Set(['submit', 'button', 'reset', 'image']);

/** Stops the browser's implicit submission when Enter is pressed in a one-line input of a form. */
export function enterNeverSubmits(event: KeyboardEvent): void {
  if (event.isComposing) return;
  const target = event.target;
  if (typeof HTMLInputElement === 'undefined' || !(target instanceof HTMLInputElement)) return;
  if (BUTTON_TYPES.has(target.type)) return;
  event.preventDefault();
}
