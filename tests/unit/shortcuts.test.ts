import { describe, expect, it, vi } from 'vitest';
import {
  SHORTCUTS,
  isMacPlatform,
  keysInWords,
  registerShortcut,
  runShortcut,
  shortcutToRun,
  takesText,
  type KeyPress,
} from '@renderer/ui/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const onWindows = { mac: false, typing: false, dialogOpen: false };
const onMac = { mac: true, typing: false, dialogOpen: false };

describe('the keyboard shortcuts (renderer/src/ui/shortcuts)', () => {
  it('tells a Mac from its platform, preferring userAgentData', () => {
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ platform: 'Win32' })).toBe(false);
    expect(isMacPlatform({ userAgentData: { platform: 'Linux' } })).toBe(false);
    expect(isMacPlatform(undefined)).toBe(false);
  });

  it('says the keys with Ctrl on Windows and Linux and Cmd on macOS', () => {
    const search = SHORTCUTS.find((s) => s.id === 'search');
    const help = SHORTCUTS.find((s) => s.id === 'help');
    if (!search || !help) throw new Error('search and help are listed');
    expect(keysInWords(search, false)).toBe('Ctrl+K');
    expect(keysInWords(search, true)).toBe('Cmd+K');
    expect(keysInWords(help, true)).toBe('?');
  });

  it('runs Ctrl+K on Windows and Cmd+K on a Mac, and not the other way round', () => {
    expect(shortcutToRun(press('k', { ctrlKey: true }), onWindows)).toBe('search');
    expect(shortcutToRun(press('K', { metaKey: true }), onMac)).toBe('search');
    expect(shortcutToRun(press('k', { metaKey: true }), onWindows)).toBeNull();
    expect(shortcutToRun(press('k', { ctrlKey: true }), onMac)).toBeNull();
    expect(shortcutToRun(press('k'), onWindows)).toBeNull();
    expect(shortcutToRun(press('s', { ctrlKey: true, altKey: true }), onWindows)).toBeNull();
  });

  it('keeps "?" a character while typing in a text field, but saves from one with Ctrl+S', () => {
    expect(shortcutToRun(press('?'), onWindows)).toBe('help');
    expect(shortcutToRun(press('?'), { ...onWindows, typing: true })).toBeNull();
    expect(shortcutToRun(press('s', { ctrlKey: true }), { ...onWindows, typing: true })).toBe('save');
  });

  it('runs nothing while a modal dialog is open', () => {
    const inDialog = { ...onWindows, dialogOpen: true };
    expect(shortcutToRun(press('k', { ctrlKey: true }), inDialog)).toBeNull();
    expect(shortcutToRun(press('s', { ctrlKey: true }), inDialog)).toBeNull();
    expect(shortcutToRun(press('?'), inDialog)).toBeNull();
    expect(shortcutToRun(press('Escape'), onWindows)).toBeNull();
  });

  it('knows a text field from a checkbox or a button', () => {
    const element = (tagName: string, type?: string) => ({ tagName, getAttribute: () => type ?? null }) as unknown as Element;
    expect(takesText(element('INPUT'))).toBe(true);
    expect(takesText(element('INPUT', 'search'))).toBe(true);
    expect(takesText(element('TEXTAREA'))).toBe(true);
    expect(takesText(element('INPUT', 'checkbox'))).toBe(false);
    expect(takesText(element('BUTTON'))).toBe(false);
    expect(takesText(null)).toBe(false);
  });

  it('calls the handler registered last, and the one before once that goes', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = registerShortcut('save', first);
    const stopSecond = registerShortcut('save', second);
    expect(runShortcut('save')).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    stopSecond();
    runShortcut('save');
    expect(first).toHaveBeenCalledTimes(1);
    stopFirst();
    expect(runShortcut('save')).toBe(false);
  });
});
