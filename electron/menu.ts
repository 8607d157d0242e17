// The application menu, from Electron's standard roles so shortcuts and platform conventions
// (Cmd on macOS, the app menu there) come for free.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Developer tools are offered only in development. */
  isDev: boolean;
  platform: NodeJS.Platform;
  /** Help, Keyboard shortcuts: asks the window to list the shortcuts (the renderer's own list, ui/shortcuts.ts). */
  showShortcuts?: () => void;
}

export function applicationMenuTemplate({ isDev, platform, showShortcuts }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({ role: 'fileMenu', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });

  template.push({
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }];
  if (isDev) view.push({ role: 'forceReload' }, { role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ role: 'viewMenu', submenu: view });

  template.push({
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  // No accelerators here: the page answers its own shortcuts, and the menu would take the keys from it.
  template.push({
    role: 'help',
    submenu: [{ label: 'Keyboard shortcuts', click: () => showShortcuts?.() }, { type: 'separator' }, { role: 'about' }],
  });
  return template;
}

export function buildApplicationMenu(options: MenuOptions): Menu {
  return Menu.buildFromTemplate(applicationMenuTemplate(options));
}
