import { onBeforeUnmount, type Ref } from 'vue';

/**
 * The app's keyboard shortcuts, in one place: the keys, what each does in words (for the "Keyboard
 * shortcuts" dialog and the desktop menu), and when each may fire. A screen that can answer one registers
 * its handler with `useShortcut`; App.vue listens once and calls the handler registered last.
 */
export type ShortcutId = 'search' | 'save' | 'new-session' | 'help';

export interface Shortcut {
  readonly id: ShortcutId | 'close';
  /** KeyboardEvent.key, in lower case for letters. */
  readonly key: string;
  /** Held with Ctrl (Windows, Linux) or Cmd (macOS). */
  readonly withModifier: boolean;
  /** What it does, in the users' words. */
  readonly does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'search', key: 'k', withModifier: true, does: 'Search young people, employers, routes and pages' },
  { id: 'save', key: 's', withModifier: true, does: 'Save the form in view' },
  { id: 'new-session', key: 'n', withModifier: true, does: "Record a guidance session, on a young person's page" },
  { id: 'help', key: '?', withModifier: false, does: 'List these keyboard shortcuts' },
  { id: 'close', key: 'Escape', withModifier: false, does: 'Close a dialog' },
];

/** What the platform offers to tell a Mac: navigator.userAgentData where there is one, navigator.platform otherwise. */
export interface PlatformHint {
  readonly platform?: string;
  readonly userAgentData?: { readonly platform?: string };
}

/** True on macOS, where shortcuts are held with Cmd rather than Ctrl. */
export function isMacPlatform(hint: PlatformHint | undefined): boolean {
  const platform = hint?.userAgentData?.platform || hint?.platform || '';
  return /mac/i.test(platform);
}

/** The keys in words: "Ctrl+K" on Windows and Linux, "Cmd+K" on macOS, "?" and "Escape" as they are. */
export function keysInWords(shortcut: Pick<Shortcut, 'key' | 'withModifier'>, mac: boolean): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return shortcut.withModifier ? `${mac ? 'Cmd' : 'Ctrl'}+${key}` : key;
}

/** The parts of a key press the shortcuts look at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Where the key press happened: in a text field, with a modal dialog open. */
export interface KeyContext {
  readonly mac: boolean;
  readonly typing: boolean;
  readonly dialogOpen: boolean;
}

/** The shortcut the key press asks for, whether or not it may fire here (null when it is none of them). */
export function shortcutPressed(press: KeyPress, mac: boolean): Shortcut | null {
  if (press.altKey) return null;
  const modifier = mac ? press.metaKey : press.ctrlKey;
  const other = mac ? press.ctrlKey : press.metaKey;
  if (other) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((s) => s.key === key && s.withModifier === modifier) ?? null;
}

/**
 * The shortcut to run for this key press, or null. Nothing runs while a modal dialog is open (the dialog
 * answers Escape itself), and "?" is a character like any other while typing in a text field.
 */
export function shortcutToRun(press: KeyPress, context: KeyContext): ShortcutId | null {
  const shortcut = shortcutPressed(press, context.mac);
  if (!shortcut || shortcut.id === 'close') return null;
  if (context.dialogOpen) return null;
  if (!shortcut.withModifier && context.typing) return null;
  return shortcut.id;
}

/** True when the element takes typed text: an input of a text kind, a textarea, a select or editable content. */
export function takesText(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image'].includes(type);
  }
  return (element as Partial<HTMLElement>).isContentEditable === true;
}

type Handler = () => unknown;
const handlers = new Map<ShortcutId, Handler[]>();

/** Registers a handler for as long as the component lives; the one registered last answers. */
export function registerShortcut(id: ShortcutId, handler: Handler): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  return () => {
    const current = handlers.get(id) ?? [];
    const at = current.lastIndexOf(handler);
    if (at >= 0) current.splice(at, 1);
  };
}

/** In a component: `useShortcut('save', submit)` answers Ctrl/Cmd+S while the component is on screen. */
export function useShortcut(id: ShortcutId, handler: Handler): void {
  const stop = registerShortcut(id, handler);
  onBeforeUnmount(stop);
}

/**
 * In a record form: Ctrl/Cmd+S saves it as its Save button does, unless a save is already under way
 * (`saving`, from useCheckedSave). The form on screen last is the one saved.
 */
export function useSaveShortcut(save: () => unknown, saving?: Ref<boolean>): void {
  useShortcut('save', () => (saving?.value ? undefined : save()));
}

/** Runs the handler registered last for the shortcut; false when none is registered. */
export function runShortcut(id: ShortcutId): boolean {
  const handler = handlers.get(id)?.at(-1);
  if (!handler) return false;
  void handler();
  return true;
}

/** True on this computer when shortcuts use Cmd. */
export function usesCmd(): boolean {
  return typeof navigator !== 'undefined' && isMacPlatform(navigator as PlatformHint);
}

/**
 * The one keydown listener (App.vue): runs the shortcut pressed when it may fire here. A shortcut with
 * Ctrl/Cmd is kept from the browser even when it does not fire, so that Ctrl+S never opens "Save page".
 */
export function onShortcutKeydown(event: KeyboardEvent): void {
  const mac = usesCmd();
  const shortcut = shortcutPressed(event, mac);
  if (!shortcut || shortcut.id === 'close') return;
  const dialogOpen = document.querySelector('dialog[open]:modal') !== null;
  const id = shortcutToRun(event, { mac, dialogOpen, typing: takesText(document.activeElement) });
  if (shortcut.withModifier) event.preventDefault();
  if (id && runShortcut(id)) event.preventDefault();
}
